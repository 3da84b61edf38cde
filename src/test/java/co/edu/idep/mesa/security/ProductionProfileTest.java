package co.edu.idep.mesa.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.MesaDeServiciosApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile refuses to start, before touching any database, and says why. */
class ProductionProfileTest {

  private static void start(String... args) {
    new SpringApplicationBuilder(MesaDeServiciosApplication.class).profiles("prod").run(args);
  }

  @Test
  void withoutItsSecretsProdDoesNotStartAndNamesWhatIsMissing() {
    assertThatThrownBy(() -> start("--server.port=0"))
        .hasMessageContaining("no inicia con el perfil prod")
        .hasMessageContaining("falta el secreto MESA_DB_PASSWORD")
        .hasMessageContaining("falta el secreto MESA_ADMIN_PASSWORD");
  }

  @Test
  void withTheDirectoryProdNeedsNoPasswordForTheFirstAdministrator() {
    // Profile ldap: the administrators are the directory's camunda-admin group, with its passwords.
    assertThatThrownBy(() -> new SpringApplicationBuilder(MesaDeServiciosApplication.class).profiles("prod", "ldap")
        .run("--server.port=0"))
        .hasMessageContaining("no inicia con el perfil prod")
        .hasMessageContaining("falta el secreto MESA_DB_PASSWORD")
        .hasMessageNotContaining("MESA_ADMIN_PASSWORD");
  }

  @Test
  void defaultOrWeakPasswordsAreRefused() {
    assertThatThrownBy(() -> start("--server.port=0", "--MESA_DB_URL=jdbc:postgresql://127.0.0.1:5432/mesa",
        "--MESA_DB_PASSWORD=demo", "--MESA_ADMIN_PASSWORD=corta1"))
        .hasMessageContaining("MESA_DB_PASSWORD es una contraseña por defecto")
        .hasMessageContaining("MESA_ADMIN_PASSWORD es una contraseña por defecto o tiene menos de 12 caracteres");
  }

  @Test
  void demoUsersAndTheEmbeddedDatabaseAreRefused() {
    assertThatThrownBy(() -> start("--server.port=0", "--mesa.demo-users.enabled=true", "--mesa.inventory.seed=true",
        "--mesa.providers.seed=true", "--spring.datasource.url=jdbc:h2:mem:x", "--MESA_DB_PASSWORD=una-clave-larga-de-base",
        "--MESA_ADMIN_PASSWORD=una-clave-larga-de-admin"))
        .hasMessageContaining("usuarios de demostración están activos")
        .hasMessageContaining("equipos de demostración están activos")
        .hasMessageContaining("proveedores de demostración están activos")
        .hasMessageContaining("producción usa PostgreSQL");
  }
}
