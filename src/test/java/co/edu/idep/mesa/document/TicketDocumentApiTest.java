package co.edu.idep.mesa.document;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.loans.exitform.ExitForm;
import co.edu.idep.mesa.loans.exitform.ExitFormPdf;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.TicketRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documents of a ticket over HTTP: the exit form of a loan, stored as the process will store it,
 * is downloaded by whoever may read the ticket, byte for byte, with headers that keep it out of
 * caches; anyone else meets the same 404 as for a ticket that does not exist.
 */
@ApplicationTest
class TicketDocumentApiTest {

  private static final String EXIT_FORM = "salida-de-equipos.pdf";

  @LocalServerPort int port;
  @Autowired TicketDocuments documents;
  @Autowired ExitFormPdf exitFormPdf;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private ApiClient api;
  private String code;
  private byte[] pdf;

  @BeforeEach
  void aLoanTicketWithItsExitForm() {
    api = new ApiClient(port);
    Reply opened = api.post("/api/tickets", "usuario1", TicketRequests.loan());
    assertThat(opened.status()).isEqualTo(201);
    code = opened.json().get("code").asText();
    pdf = exitFormPdf.render(new ExitForm(code, "Ana Rodríguez", "usuario1", "CC", "52123456",
        List.of(new ExitForm.Item("IDEP-00123", "Portátil", "Lenovo ThinkPad E14", "PF3X9A1")),
        LocalDate.now(), LocalDate.now().plusDays(2), "Sala de juntas", Instant.now()));
    documents.store(code, EXIT_FORM, "application/pdf", pdf, "tecnico");
  }

  @Test
  void theRequesterListsAndDownloadsTheExitFormWithHeadersForPersonalData() {
    Reply listed = api.get(documents(), "usuario1");
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json()).hasSize(1);
    JsonNode entry = listed.json().get(0);
    assertThat(entry.get("name").asText()).isEqualTo(EXIT_FORM);
    assertThat(entry.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(entry.get("size").asInt()).isEqualTo(pdf.length);
    assertThat(entry.get("createdAt").asText()).isNotBlank();
    assertThat(entry.get("href").asText()).isEqualTo(documents() + "/" + EXIT_FORM);
    assertThat(entry.has("content")).isFalse();

    HttpResponse<byte[]> download = download(entry.get("href").asText(), "usuario1");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(download.headers().allValues("Content-Type")).containsExactly("application/pdf");
    assertThat(download.headers().firstValue("Content-Length")).hasValue(Integer.toString(pdf.length));
    assertThat(download.headers().allValues("Content-Disposition"))
        .containsExactly("inline; filename=\"" + EXIT_FORM + "\"");
    assertThat(download.headers().allValues("Cache-Control")).containsExactly("private, no-store");
    assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
  }

  @Test
  void theStaffWhoMayReadTheTicketDownloadItToo() {
    // A loan goes to the Técnico Operativo; the Jefe OAP supervises every ticket.
    for (String staff : List.of("tecnico", "jefe")) {
      assertThat(api.get(documents(), staff).json().findValuesAsText("name")).containsExactly(EXIT_FORM);
      HttpResponse<byte[]> download = download(documents() + "/" + EXIT_FORM, staff);
      assertThat(download.statusCode()).as(staff).isEqualTo(200);
      assertThat(download.body()).as(staff).isEqualTo(pdf);
    }
  }

  @Test
  void whoMayNotReadTheTicketMeetsTheSame404AsForAMissingTicket() {
    Reply missingTicket = api.get("/api/tickets/MDS-1999-999999", "usuario2");
    assertThat(missingTicket.status()).isEqualTo(404);
    // Another requester, and an agent of another topic's group.
    for (String other : List.of("usuario2", "sistemas")) {
      for (String path : List.of(documents(), documents() + "/" + EXIT_FORM, documents() + "/no-existe.pdf")) {
        Reply refused = api.get(path, other);
        assertThat(refused.status()).as(other + " " + path).isEqualTo(404);
        assertThat(refused.body()).as(other + " " + path).isEqualTo(missingTicket.body())
            .doesNotContain(EXIT_FORM).doesNotContain(code);
      }
      assertThat(download(documents() + "/" + EXIT_FORM, other).body()).isNotEqualTo(pdf);
    }
    assertThat(api.get("/api/tickets/MDS-1999-999999/documents", "usuario1").body()).isEqualTo(missingTicket.body());
    assertThat(api.get(documents() + "/" + EXIT_FORM, null).status()).isEqualTo(401);
  }

  @Test
  void aDocumentTheTicketDoesNotHaveIsA404InSpanish() {
    for (String name : List.of("no-existe.pdf", "SALIDA-DE-EQUIPOS.PDF", "salida-de-equipos", "salida-de-equipos.pdf.bak")) {
      Reply missing = api.get(documents() + "/" + name, "usuario1");
      assertThat(missing.status()).as(name).isEqualTo(404);
      assertThat(missing.json().get("message").asText()).as(name)
          .isEqualTo("El ticket no tiene un documento con ese nombre.");
    }
    // A path in the name never reaches the controller: the firewall refuses encoded slashes and dots.
    for (String name : List.of("..%2Fsalida-de-equipos.pdf", "%2e%2e%2Fsalida-de-equipos.pdf")) {
      assertThat(download(documents() + "/" + name, "usuario1").statusCode()).as(name).isEqualTo(400);
    }
  }

  @Test
  void storingTheSameNameAgainReplacesItAndKeepsOneRow() {
    byte[] second = exitFormPdf.render(new ExitForm(code, "Ana Rodríguez", "usuario1", "CC", "52123456",
        List.of(), null, null, null, Instant.now()));
    documents.store(code, EXIT_FORM, "application/pdf", second, "tecnico");
    documents.store(code, EXIT_FORM, "application/pdf", second, "tecnico");

    assertThat(jdbc.sql("select count(*) from ticket_document where ticket_code = ?").param(code)
        .query(Integer.class).single()).isEqualTo(1);
    assertThat(documents.list(code)).singleElement().satisfies(d -> assertThat(d.sizeBytes()).isEqualTo(second.length));
    assertThat(download(documents() + "/" + EXIT_FORM, "usuario1").body()).isEqualTo(second);
  }

  @Test
  void aDocumentOtherThanAPdfIsADownload() {
    byte[] csv = "placa;serial\nIDEP-00123;PF3X9A1\n".getBytes(StandardCharsets.UTF_8);
    documents.store(code, "placas.csv", "text/csv", csv, "tecnico");

    HttpResponse<byte[]> download = download(documents() + "/placas.csv", "usuario1");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(csv);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("text/csv");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"placas.csv\"");
    assertThat(api.get(documents(), "usuario1").json().findValuesAsText("name")).containsExactly("placas.csv", EXIT_FORM);
  }

  private String documents() {
    return "/api/tickets/" + code + "/documents";
  }

  /** The body as bytes: ApiClient reads text. As a browser asks, accepting anything. */
  private HttpResponse<byte[]> download(String path, String user) {
    String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + basic).header("Accept", "*/*").GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
