package co.edu.idep.mesa.escalation.osticket;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.MesaDeServiciosApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** prod refuses a vendor help desk without its key, or reached in clear text across the network. */
class OsTicketProductionCheckTest {

  private final OsTicketProductionCheck check = new OsTicketProductionCheck();

  private static MockEnvironment prod() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty("mesa.humano.osticket.url", "https://soporte.proveedor.example");
    env.setProperty("mesa.humano.osticket.api-key", "BA00B76BAA30F62E1940B46CC1C3C73C");
    return env;
  }

  @Test
  void theVendorsHelpDeskOverHttpsWithItsKeyIsAccepted() {
    assertThatCode(() -> check.postProcessEnvironment(prod(), new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void noHelpDeskIsTheManualStepAndNeedsNoKey() {
    for (String none : new String[] {"", "  "}) {
      MockEnvironment env = prod().withProperty("mesa.humano.osticket.url", none)
          .withProperty("mesa.humano.osticket.api-key", "");
      assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
    }
  }

  @Test
  void aHelpDeskWithoutItsKeyIsRefused() {
    MockEnvironment env = prod().withProperty("mesa.humano.osticket.api-key", " ");

    assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
        .hasMessage("La Mesa de Servicios no inicia con el perfil prod: la mesa de ayuda del proveedor de Humano está "
            + "configurada (mesa.humano.osticket.url) pero falta el secreto MESA_HUMANO_OSTICKET_KEY.");
  }

  @Test
  void plainHttpIsAcceptedOnlyOnThisMachine() {
    for (String local : new String[] {"http://127.0.0.1:8081", "http://localhost/soporte", "HTTP://LOCALHOST", "http://[::1]:8081"}) {
      MockEnvironment env = prod().withProperty("mesa.humano.osticket.url", local);
      assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).as(local).doesNotThrowAnyException();
    }
    for (String remote : new String[] {"http://soporte.proveedor.example", "http://10.0.0.5:8080", "http://127.0.0.1.evil.example"}) {
      MockEnvironment env = prod().withProperty("mesa.humano.osticket.url", remote);
      assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).as(remote)
          .hasMessage("La Mesa de Servicios no inicia con el perfil prod: mesa.humano.osticket.url usa http:// sin "
              + "cifrar hacia otro equipo: use https://.");
    }
  }

  @Test
  void anAddressThatIsNoHelpDeskIsRefused() {
    for (String wrong : new String[] {"soporte.proveedor.example", "ftp://soporte.proveedor.example", "https://a b",
        "https://usuario:clave@soporte.proveedor.example"}) {
      MockEnvironment env = prod().withProperty("mesa.humano.osticket.url", wrong);
      assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).as(wrong)
          .hasMessageContaining("mesa.humano.osticket.url no es una dirección válida de la mesa de ayuda del proveedor");
    }
  }

  @Test
  void otherProfilesAreLeftAlone() {
    MockEnvironment env = new MockEnvironment().withProperty("mesa.humano.osticket.url", "http://soporte.proveedor.example");
    assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void theApplicationRunsTheCheckBeforeTouchingAnyDatabase() {
    // Everything else prod asks for is there; the vendor's help desk is reached in clear text, without a key.
    assertThatThrownBy(() -> new SpringApplicationBuilder(MesaDeServiciosApplication.class).profiles("prod").run(
        "--server.port=0", "--MESA_DB_URL=jdbc:postgresql://127.0.0.1:1/mesa", "--MESA_DB_PASSWORD=una-clave-larga-de-base",
        "--MESA_ADMIN_PASSWORD=una-clave-larga-de-admin", "--MESA_MAIL_HOST=smtp.idep.edu.co",
        "--MESA_PUBLIC_URL=https://mesa.idep.edu.co", "--MESA_DIRECTORY_URL=ldaps://dc01.idep.edu.co",
        "--MESA_DIRECTORY_BIND_DN=CN=svc-mesa,DC=idep,DC=edu,DC=co", "--MESA_DIRECTORY_BASE=DC=idep,DC=edu,DC=co",
        "--MESA_DIRECTORY_PASSWORD=una-clave-larga-del-directorio",
        "--MESA_HUMANO_OSTICKET_URL=http://soporte.proveedor.example"))
        .hasMessageStartingWith("La Mesa de Servicios no inicia con el perfil prod")
        .hasMessageContaining("mesa.humano.osticket.url usa http:// sin cifrar hacia otro equipo")
        .hasMessageContaining("falta el secreto MESA_HUMANO_OSTICKET_KEY");
  }
}
