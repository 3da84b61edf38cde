package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Spanish templates: subject, HTML and text of one notification, with its link. */
class MailTemplatesTest {

  private final MailTemplates templates = new MailTemplates(new MailLinks("https://mesa.idep.edu.co/"));

  @Test
  void theRegisteredTicketNamesItsCodeAndSubjectAndLinksToIt() {
    RenderedMail mail = templates.render("ticket-registrado", Map.of("code", "MDS-2026-000042",
        "subject", "El computador no enciende", "topic", "Soporte técnico"));

    assertThat(mail.subject()).isEqualTo("[MDS-2026-000042] Ticket registrado: El computador no enciende");
    assertThat(mail.text())
        .contains("Su solicitud a la Mesa de Servicios del IDEP quedó registrada con el código MDS-2026-000042.")
        .contains("Tema: Soporte técnico")
        .contains("https://mesa.idep.edu.co/camunda/app/tasklist/default/#/?searchQuery=")
        .contains("MDS-2026-000042%22");
    assertThat(mail.html())
        .contains("<strong>MDS-2026-000042</strong>")
        .contains("<td>El computador no enciende</td>")
        .contains("href=\"https://mesa.idep.edu.co/camunda/app/tasklist/default/#/?searchQuery=");
  }

  @Test
  void whatPeopleTypedIsEscapedInHtmlAndLeftAsItIsInText() {
    RenderedMail mail = templates.render("ticket-registrado", Map.of("code", "MDS-2026-000043",
        "subject", "Impresora <b>HP</b> & escáner", "topic", "Soporte técnico"));

    assertThat(mail.html()).contains("Impresora &lt;b&gt;HP&lt;/b&gt; &amp; escáner").doesNotContain("<b>HP</b>");
    assertThat(mail.text()).contains("Asunto: Impresora <b>HP</b> & escáner");
    assertThat(mail.subject()).endsWith("Impresora <b>HP</b> & escáner");
  }

  @Test
  void linksLeadToTheTicketOrTheTaskInTasklist() {
    MailLinks links = new MailLinks("http://localhost:8080");
    assertThat(links.task("a1b2-c3")).isEqualTo("http://localhost:8080/camunda/app/tasklist/default/#/?task=a1b2-c3");
    assertThat(links.ticket("MDS-2026-000001")).isEqualTo("http://localhost:8080/camunda/app/tasklist/default/#/?searchQuery="
        + "%5B%7B%22type%22%3A%22processInstanceBusinessKey%22%2C%22operator%22%3A%22eq%22%2C%22value%22%3A%22MDS-2026-000001%22%7D%5D");
  }
}
