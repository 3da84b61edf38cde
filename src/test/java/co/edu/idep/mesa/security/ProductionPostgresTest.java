package co.edu.idep.mesa.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.PostgresDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The prod profile on PostgreSQL with its secrets: no demo users, hardened cookies and headers. */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // Trust authentication ignores the database password, but prod insists on a real secret.
    "MESA_ADMIN_USER=administrador", "MESA_ADMIN_PASSWORD=Clave-De-Prueba-2026", "MESA_DB_PASSWORD=Clave-De-Base-2026",
    // prod insists on the institute's mail server and a public address for the links in its mail.
    "MESA_MAIL_HOST=127.0.0.1", "MESA_PUBLIC_URL=https://mesa.idep.edu.co",
    // and on the institute's directory over ldaps (not reached by this test: the pool opens at first use).
    "MESA_DIRECTORY_URL=ldaps://directorio.idep.edu.co", "MESA_DIRECTORY_BIND_DN=CN=svc-mesa,OU=Servicios,DC=idep,DC=edu,DC=co",
    "MESA_DIRECTORY_BASE=DC=idep,DC=edu,DC=co", "MESA_DIRECTORY_PASSWORD=Clave-De-Directorio-2026"})
@ActiveProfiles("prod")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProductionPostgresTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase db = PostgresDatabase.fresh("mesa_prod_test");
    registry.add("MESA_DB_URL", db::url);
    registry.add("MESA_DB_USER", () -> "postgres");
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ProductionDemoUsersCheck demoUsersCheck;

  @Test
  void onlyTheConfiguredAdministratorExists() {
    ApiClient api = new ApiClient(port);
    assertThat(api.getWithPassword("/engine-rest/user", "administrador", "Clave-De-Prueba-2026").status()).isEqualTo(200);
    assertThat(api.get("/api/tickets", "usuario1").status()).isEqualTo(401);
    assertThat(identity.createUserQuery().list()).extracting(User::getId).containsExactly("administrador");
  }

  @Test
  void theWebappsSendSecureCookiesAndSecurityHeaders() throws Exception {
    HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.ofString());
    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure").containsIgnoringCase("SameSite=Strict"));
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("X-Frame-Options")).isPresent();
  }

  @Test
  void aDemoAccountLeftInTheDatabaseStopsTheStartUp() {
    User leftover = identity.newUser("usuario2");
    leftover.setPassword("demo");
    identity.saveUser(leftover);
    try {
      assertThatThrownBy(() -> demoUsersCheck.run(null))
          .hasMessageContaining("cuentas de demostración con la contraseña por defecto (usuario2)");
      identity.unlockUser("usuario2");
      leftover = identity.createUserQuery().userId("usuario2").singleResult();
      leftover.setPassword("otra-clave-bien-larga");
      identity.saveUser(leftover);
      demoUsersCheck.run(null);
    } finally {
      identity.deleteUser("usuario2");
    }
  }
}
