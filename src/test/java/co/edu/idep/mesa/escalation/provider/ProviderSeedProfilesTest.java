package co.edu.idep.mesa.escalation.provider;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ProfileYaml;
import org.junit.jupiter.api.Test;

/**
 * The demo providers are added on the embedded default profile only: postgres (and so prod) and the
 * tests have none; prod refuses to start with them (ProductionProfileTest).
 */
class ProviderSeedProfilesTest {

  private static Object seed(String file) {
    return ProfileYaml.load(file).getProperty("mesa.providers.seed");
  }

  @Test
  void onInTheDefaultProfileOffInPostgresAndTheTests() {
    assertThat(seed("application.yaml")).isEqualTo(true);
    assertThat(seed("application-postgres.yaml")).isEqualTo(false);
    assertThat(seed("application-test.yaml")).isEqualTo(false);
  }
}
