package co.edu.idep.mesa.escalation.osticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** {@code mesa.humano.osticket.*}: not configured by default, bound as documented, never shows the key. */
class OsTicketPropertiesTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withUserConfiguration(OsTicketConfiguration.class, OsTicketClient.class);

  /** application.yaml with these variables only: none of the machine's environment or system properties. */
  private static OsTicketProperties fromApplicationYaml(Map<String, Object> variables) throws IOException {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    env.getPropertySources().addFirst(new MapPropertySource("variables", variables));
    new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))
        .forEach(env.getPropertySources()::addLast);
    return Binder.get(env).bindOrCreate("mesa.humano.osticket", OsTicketProperties.class);
  }

  @Test
  void applicationYamlNamesNoHelpDesk() throws IOException {
    OsTicketProperties properties = fromApplicationYaml(Map.of());

    assertThat(properties.url()).isNull();
    assertThat(properties.apiKey()).isEmpty();
    assertThat(properties.topicId()).isNull();
    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(new OsTicketClient(properties).isConfigured()).isFalse();
  }

  @Test
  void theVariablesOfTheReadmeReachTheProperties() throws IOException {
    OsTicketProperties properties = fromApplicationYaml(Map.of(
        "MESA_HUMANO_OSTICKET_URL", "https://soporte.proveedor.example/osticket",
        "MESA_HUMANO_OSTICKET_KEY", "BA00B76BAA30F62E1940B46CC1C3C73C",
        "MESA_HUMANO_OSTICKET_TOPIC_ID", "12",
        "MESA_HUMANO_OSTICKET_TIMEOUT", "30s"));

    assertThat(properties.url()).isEqualTo(URI.create("https://soporte.proveedor.example/osticket"));
    assertThat(properties.apiKey()).isEqualTo("BA00B76BAA30F62E1940B46CC1C3C73C");
    assertThat(properties.topicId()).isEqualTo(12);
    assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aConfiguredHelpDeskIsBoundIntoTheClient() {
    context.withPropertyValues("mesa.humano.osticket.url=https://soporte.proveedor.example/",
            "mesa.humano.osticket.api-key=BA00B76BAA30F62E1940B46CC1C3C73C", "mesa.humano.osticket.topic-id=12",
            "mesa.humano.osticket.timeout=3s")
        .run(started -> {
          assertThat(started).hasNotFailed();
          OsTicketProperties properties = started.getBean(OsTicketProperties.class);
          assertThat(properties.url()).isEqualTo(URI.create("https://soporte.proveedor.example/"));
          assertThat(properties.topicId()).isEqualTo(12);
          assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(started.getBean(OsTicketClient.class).isConfigured()).isTrue();
        });
  }

  @Test
  void anEmptyUrlIsNoHelpDeskAndTheTimeoutDefaultsToTenSeconds() {
    context.withPropertyValues("mesa.humano.osticket.url=", "mesa.humano.osticket.api-key=")
        .run(started -> {
          assertThat(started).hasNotFailed();
          assertThat(started.getBean(OsTicketClient.class).isConfigured()).isFalse();
          assertThat(started.getBean(OsTicketProperties.class).timeout()).isEqualTo(Duration.ofSeconds(10));
        });
  }

  @Test
  void aUrlThatIsNoHelpDeskAddressStopsTheStart() {
    for (String wrong : new String[] {"soporte.proveedor.example", "ftp://soporte.proveedor.example",
        "https://usuario:clave@soporte.proveedor.example", "https://soporte.proveedor.example/?x=1"}) {
      context.withPropertyValues("mesa.humano.osticket.url=" + wrong).run(started ->
          assertThat(started).as(wrong).getFailure().rootCause()
              .hasMessageContaining("mesa.humano.osticket.url debe ser https://servidor[:puerto][/ruta]"));
    }
  }

  @Test
  void theKeyIsNeverShown() {
    OsTicketProperties properties = new OsTicketProperties(URI.create("https://soporte.proveedor.example"),
        "BA00B76BAA30F62E1940B46CC1C3C73C", null, null);

    assertThat(properties.toString()).doesNotContain("BA00B76BAA30F62E1940B46CC1C3C73C").contains("apiKey=***");
    assertThatThrownBy(() -> new OsTicketProperties(null, "BA00B76B AA30F62E", null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MESA_HUMANO_OSTICKET_KEY tiene espacios o caracteres que no caben en una cabecera HTTP");
  }
}
