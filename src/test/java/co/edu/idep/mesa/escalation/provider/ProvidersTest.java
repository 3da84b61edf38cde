package co.edu.idep.mesa.escalation.provider;

import java.util.UUID;

/** The providers on the embedded default database (H2). */
class ProvidersTest extends AbstractProvidersTest {

  private final String url = "jdbc:h2:mem:providers-" + UUID.randomUUID();

  @Override
  protected String url() {
    return url;
  }

  @Override
  protected String user() {
    return "sa";
  }
}
