package co.edu.idep.mesa.portal;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.document.TicketDocuments;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * «Mis tickets» over HTTP, logged in as the webapps log in (the session of Tasklist's login form):
 * a requester's list holds his tickets only, another requester's ticket answers exactly like a
 * missing one, staff read the tickets of their topic (and only those), and a ticket's page shows
 * its timeline, what waits on its reader with the Tasklist link, and its documents, which open
 * with the same session.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisTicketsPageTest {

  private static final String NO_TICKET = "No existe un ticket con el código indicado entre los que usted puede consultar.";
  private static final String EXIT_FORM = "salida-de-equipos.pdf";

  @LocalServerPort int port;
  @Autowired TicketDocuments documents;

  private ApiClient api;
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  /** usuario1's two tickets, the older one waiting for his verification and holding a document. */
  private String older;
  private String newer;
  /** usuario2's. */
  private String othersTicket;
  private String verifyTaskId;

  @BeforeAll
  void openTickets() {
    api = new ApiClient(port);
    older = open("usuario1", "No enciende el computador " + run);
    othersTicket = open("usuario2", "La impresora no imprime " + run);
    newer = open("usuario1", "El monitor parpadea " + run);
    api.complete(older, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", ApiClient.value(true, "Boolean")));
    api.complete(older, "Task_EvaluateTechnicalSupport", "tecnico", Map.of("canResolve", ApiClient.value(true, "Boolean")));
    api.complete(older, "Task_ResolveTechnicalSupport", "tecnico",
        Map.of("solution", ApiClient.value("Se cambió la fuente de poder.", "String")));
    verifyTaskId = api.taskId(older, "Task_VerifySolution");
    documents.store(older, EXIT_FORM, "application/pdf", "%PDF-1.4 prueba".getBytes(StandardCharsets.US_ASCII), "sistema");
  }

  private String open(String user, String subject) {
    Map<String, Object> body = TicketRequests.support();
    body.put("subject", subject);
    ApiClient.Reply created = api.post("/api/tickets", user, body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("code").asText();
  }

  private WebappSession loggedIn(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", user, "demo")).isEqualTo(200);
    return session;
  }

  @Test
  void withoutTheWebappsLoginThePagesSendToTasklistsLogin() {
    WebappSession nobody = new WebappSession(port);
    for (String path : new String[] {"/mis-tickets", "/mis-tickets/" + older, "/mis-tickets/estilos.css",
        "/mis-tickets/" + older + "/documentos/" + EXIT_FORM}) {
      HttpResponse<String> page = nobody.page(path);
      assertThat(page.statusCode()).as(path).isEqualTo(302);
      assertThat(page.headers().firstValue("Location")).as(path).hasValueSatisfying(location ->
          assertThat(location).startsWith("/camunda/app/tasklist/default/?volver=%2Fmis-tickets"));
      assertThat(page.body()).as(path).contains("Inicie sesión").doesNotContain(run);
    }
    assertThat(nobody.page("/mis-tickets/" + older).headers().firstValue("Location"))
        .hasValue("/camunda/app/tasklist/default/?volver=%2Fmis-tickets%2F" + older);
    // Only the list or a ticket's page is ever named to come back to.
    assertThat(nobody.page("/mis-tickets/" + older + "/documentos/" + EXIT_FORM).headers().firstValue("Location"))
        .hasValue("/camunda/app/tasklist/default/?volver=%2Fmis-tickets");
    // HTTP Basic is /api's login, not the pages'.
    ApiClient.Reply basic = api.get("/mis-tickets", "usuario1");
    assertThat(basic.status()).isEqualTo(302);
  }

  @Test
  void aRequestersListHoldsHisTicketsOnlyNewestFirst() {
    HttpResponse<String> list = loggedIn("usuario1").page("/mis-tickets");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(list.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).contains("default-src 'none'"));
    assertThat(list.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
    String html = list.body();
    assertThat(html).contains("<html lang=\"es\">", "<h1>Mis tickets</h1>", "Solicitud de Soporte Técnico",
        "No enciende el computador " + run, "El monitor parpadea " + run, "<th scope=\"col\"", "Primera atención");
    assertThat(html.indexOf(row(newer))).as("newest first").isPositive().isLessThan(html.indexOf(row(older)));
    assertThat(html).doesNotContain(row(othersTicket)).doesNotContain("La impresora no imprime " + run);
    HttpResponse<String> styles = loggedIn("usuario1").page("/mis-tickets/estilos.css");
    assertThat(styles.statusCode()).isEqualTo(200);
    assertThat(styles.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
  }

  /** The list's line of ticket {@code code}. */
  private static String row(String code) {
    return "data-codigo=\"" + code + "\"";
  }

  @Test
  void anotherRequestersTicketAnswersExactlyLikeAMissingOne() {
    WebappSession usuario1 = loggedIn("usuario1");
    HttpResponse<String> others = usuario1.page("/mis-tickets/" + othersTicket);
    HttpResponse<String> missing = usuario1.page("/mis-tickets/MDS-1999-999999");

    assertThat(others.statusCode()).isEqualTo(404);
    assertThat(others.body()).contains(NO_TICKET).doesNotContain("La impresora no imprime");
    assertThat(others.body()).isEqualTo(missing.body());
    // Nor its documents: the same answer, whether the document exists or not.
    HttpResponse<String> document = usuario1.page("/mis-tickets/" + othersTicket + "/documentos/" + EXIT_FORM);
    assertThat(document.statusCode()).isEqualTo(404);
    assertThat(document.body()).isEqualTo(missing.body());
    // The search box leads to the same answer.
    HttpResponse<String> search = usuario1.page("/mis-tickets/buscar?codigo=" + othersTicket.toLowerCase());
    assertThat(search.statusCode()).isEqualTo(303);
    assertThat(search.headers().firstValue("Location")).hasValue("/mis-tickets/" + othersTicket);
  }

  /**
   * Someone guessing codes: the last codes of this year's numbering and a few not yet given. Only
   * his own tickets open; every other code, another's ticket or none, answers the same 404.
   */
  @Test
  void guessingCodesFindsNothingButOnesOwnTickets() {
    WebappSession usuario1 = loggedIn("usuario1");
    Set<String> own = new HashSet<>(api.get("/api/tickets", "usuario1").json().findValuesAsText("code"));
    String missing = usuario1.page("/mis-tickets/MDS-1999-999999").body();
    String prefix = newer.substring(0, newer.lastIndexOf('-') + 1);
    int last = Integer.parseInt(newer.substring(newer.lastIndexOf('-') + 1));
    int opened = 0;
    for (int number = Math.max(1, last - 40); number <= last + 3; number++) {
      String code = prefix + String.format("%06d", number);
      HttpResponse<String> page = usuario1.page("/mis-tickets/" + code);
      if (own.contains(code)) {
        assertThat(page.statusCode()).as(code).isEqualTo(200);
        opened++;
      } else {
        assertThat(page.statusCode()).as(code).isEqualTo(404);
        assertThat(page.body()).as(code).isEqualTo(missing);
      }
    }
    assertThat(opened).as("his own tickets among the codes tried").isGreaterThanOrEqualTo(2);
  }

  @Test
  void aTicketsPageShowsItsTimelineWhatWaitsOnTheRequesterAndItsDocuments() {
    WebappSession usuario1 = loggedIn("usuario1");
    HttpResponse<String> page = usuario1.page("/mis-tickets/" + older);

    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("<title>Ticket " + older + " — Mesa de Servicios del IDEP</title>",
        "No enciende el computador " + run, "Resuelto");
    // The timeline, every control point so far, with who and when.
    assertThat(html).contains("Historial", "Registro del ticket", "Asignación", "Tema confirmado", "Evaluación",
        "Solución", "Se cambió la fuente de poder.");
    assertThat(html).containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]+-05:00\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}</time>");
    // What waits on him: his verification, with the link to the task in Tasklist.
    assertThat(html).contains("Pendiente de usted", "Verificar la solución",
        "href=\"/camunda/app/tasklist/default/#/?task=" + verifyTaskId + "\"");
    // The document, under /mis-tickets, opening with the same session.
    String documentPath = "/mis-tickets/" + older + "/documentos/" + EXIT_FORM;
    assertThat(html).contains("href=\"" + documentPath + "\"", "Formato para salida de equipos");
    HttpResponse<String> pdf = usuario1.page(documentPath);
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    assertThat(pdf.body()).startsWith("%PDF");
    HttpResponse<String> noSuchDocument = usuario1.page("/mis-tickets/" + older + "/documentos/otro.pdf");
    assertThat(noSuchDocument.statusCode()).isEqualTo(404);
    assertThat(noSuchDocument.body()).contains("El ticket no tiene un documento con ese nombre.");
  }

  @Test
  void staffReadTheTicketsTheyMayReadAndNoOthers() {
    // tecnico-operativo attends technical support: usuario2's ticket, with what waits on his group.
    HttpResponse<String> technician = loggedIn("tecnico").page("/mis-tickets/" + othersTicket);
    assertThat(technician.statusCode()).isEqualTo(200);
    assertThat(technician.body()).contains("La impresora no imprime " + run, "como parte de la mesa de ayuda",
        "Verificar el tema del ticket", "(para su grupo)");
    // The head of the office supervises every ticket.
    assertThat(loggedIn("jefe").page("/mis-tickets/" + older).body()).contains("No enciende el computador " + run)
        .doesNotContain("Pendiente de usted");
    // The web engineer attends web systems only: a technical-support ticket is not there for him.
    HttpResponse<String> web = loggedIn("web").page("/mis-tickets/" + othersTicket);
    assertThat(web.statusCode()).isEqualTo(404);
    assertThat(web.body()).contains(NO_TICKET).doesNotContain("La impresora");
    // Staff's own list holds their own tickets only.
    assertThat(loggedIn("tecnico").page("/mis-tickets").body()).doesNotContain(row(othersTicket)).doesNotContain(row(older));
  }
}
