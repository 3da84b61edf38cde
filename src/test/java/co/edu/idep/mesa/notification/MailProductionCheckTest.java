package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.MesaDeServiciosApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile refuses to start without the institute's mail server, before touching any database. */
class MailProductionCheckTest {

  private static void start(String... args) {
    new SpringApplicationBuilder(MesaDeServiciosApplication.class).profiles("prod").run(args);
  }

  @Test
  void withoutAMailHostOrPublicAddressProdDoesNotStartAndSaysSo() {
    assertThatThrownBy(() -> start("--server.port=0", "--MESA_DB_URL=jdbc:postgresql://127.0.0.1:5432/mesa",
        "--MESA_DB_PASSWORD=una-clave-larga-de-base", "--MESA_ADMIN_PASSWORD=una-clave-larga-de-admin"))
        .hasMessageContaining("no inicia con el perfil prod")
        .hasMessageContaining("falta MESA_MAIL_HOST: el servidor de correo del instituto")
        .hasMessageContaining("falta MESA_PUBLIC_URL");
  }

  @Test
  void theEmbeddedMailServerIsRefusedAndAConfiguredServerIsNotComplainedAbout() {
    assertThatThrownBy(() -> start("--server.port=0", "--MESA_MAIL_HOST=smtp.idep.edu.co",
        "--MESA_PUBLIC_URL=https://mesa.idep.edu.co", "--mesa.mail.embedded-server.enabled=true"))
        .hasMessageContaining("el servidor de correo embebido está activo")
        .hasMessageNotContaining("MESA_MAIL_HOST")
        .hasMessageNotContaining("MESA_PUBLIC_URL");
  }
}
