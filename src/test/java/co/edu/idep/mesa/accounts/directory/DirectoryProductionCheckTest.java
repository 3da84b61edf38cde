package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.MesaDeServiciosApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** prod refuses to start without the institute's directory, or with plain LDAP across the network. */
class DirectoryProductionCheckTest {

  private final DirectoryProductionCheck check = new DirectoryProductionCheck();

  private static MockEnvironment prod() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty("mesa.directory.url", "ldaps://dc01.idep.edu.co");
    env.setProperty("mesa.directory.bind-dn", "CN=svc-mesa,OU=Servicios,DC=idep,DC=edu,DC=co");
    env.setProperty("mesa.directory.base-dn", "DC=idep,DC=edu,DC=co");
    env.setProperty("mesa.directory.password", "una-clave-larga-del-directorio");
    env.setProperty("mesa.directory.embedded-server.enabled", "false");
    return env;
  }

  @Test
  void theInstitutesDirectoryOverLdapsIsAccepted() {
    assertThatCode(() -> check.postProcessEnvironment(prod(), new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void plainLdapIsAcceptedOnlyOnThisMachine() {
    for (String local : new String[] {"ldap://127.0.0.1:389", "ldap://localhost", "LDAP://LOCALHOST:3389", "ldap://[::1]:389"}) {
      MockEnvironment env = prod().withProperty("mesa.directory.url", local);
      assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).as(local).doesNotThrowAnyException();
    }
    for (String remote : new String[] {"ldap://dc01.idep.edu.co", "ldap://10.0.0.5:389", "ldap://127.0.0.1.evil.example"}) {
      MockEnvironment env = prod().withProperty("mesa.directory.url", remote);
      assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication())).as(remote)
          .hasMessage("La Mesa de Servicios no inicia con el perfil prod: MESA_DIRECTORY_URL usa ldap:// sin cifrar "
              + "hacia otro equipo: use ldaps://.");
    }
  }

  @Test
  void everythingMissingIsNamed() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty("mesa.directory.embedded-server.enabled", "true");

    assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining("falta MESA_DIRECTORY_URL")
        .hasMessageContaining("falta MESA_DIRECTORY_BIND_DN")
        .hasMessageContaining("falta MESA_DIRECTORY_BASE")
        .hasMessageContaining("falta el secreto MESA_DIRECTORY_PASSWORD")
        .hasMessageContaining("el directorio embebido está activo");
  }

  @Test
  void theDemoPasswordOrAShortOneIsRefused() {
    for (String weak : new String[] {"demo", "Demo", "corta-123"}) {
      MockEnvironment env = prod().withProperty("mesa.directory.password", weak);
      assertThatThrownBy(() -> check.postProcessEnvironment(env, new SpringApplication()))
          .hasMessageContaining("MESA_DIRECTORY_PASSWORD es una contraseña por defecto o tiene menos de 12 caracteres");
    }
  }

  @Test
  void otherProfilesAreLeftAlone() {
    MockEnvironment env = new MockEnvironment().withProperty("mesa.directory.url", "ldap://dc01.idep.edu.co");
    assertThatCode(() -> check.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void theApplicationRunsTheCheckBeforeTouchingAnyDatabase() {
    // Everything else prod asks for is there; the directory is reached in clear text.
    assertThatThrownBy(() -> new SpringApplicationBuilder(MesaDeServiciosApplication.class).profiles("prod").run(
        "--server.port=0", "--MESA_DB_URL=jdbc:postgresql://127.0.0.1:1/mesa", "--MESA_DB_PASSWORD=una-clave-larga-de-base",
        "--MESA_ADMIN_PASSWORD=una-clave-larga-de-admin", "--MESA_MAIL_HOST=smtp.idep.edu.co",
        "--MESA_PUBLIC_URL=https://mesa.idep.edu.co", "--MESA_DIRECTORY_URL=ldap://dc01.idep.edu.co",
        "--MESA_DIRECTORY_BIND_DN=CN=svc-mesa,DC=idep,DC=edu,DC=co", "--MESA_DIRECTORY_BASE=DC=idep,DC=edu,DC=co"))
        .hasMessageStartingWith("La Mesa de Servicios no inicia con el perfil prod")
        .hasMessageContaining("MESA_DIRECTORY_URL usa ldap:// sin cifrar hacia otro equipo")
        .hasMessageContaining("falta el secreto MESA_DIRECTORY_PASSWORD");
  }
}
