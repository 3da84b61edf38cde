package co.edu.idep.mesa.escalation.osticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The client against an HTTP server started here that speaks osTicket's {@code api/tickets.json}:
 * what each answer becomes, and whether it may be retried. No Spring context: the client is built
 * from its properties.
 */
@ExtendWith(OutputCaptureExtension.class)
class OsTicketClientTest {

  @RegisterExtension
  static final WireMockExtension vendor = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort())
      .build();

  /** The shape of osTicket's keys (32 hex digits). */
  private static final String KEY = "BA00B76BAA30F62E1940B46CC1C3C73C";
  private static final String PATH = "/api/tickets.json";
  private static final OsTicketRequest REQUEST = new OsTicketRequest(
      "Mesa de Servicios IDEP", "mesadeservicios@idep.edu.co",
      "MS-2025-00042: Humano no liquida la nómina",
      "El módulo de nómina de Humano no abre desde el lunes.\nSolicitante: Ana Pérez Ñungo, extensión 123, "
          + "ana.perez@idep.edu.co.\nDiagnóstico del contratista: error ORA-12541 al conectar.");
  private static final String SENT = """
      {"name": "Mesa de Servicios IDEP", "email": "mesadeservicios@idep.edu.co",
       "subject": "MS-2025-00042: Humano no liquida la nómina",
       "message": "El módulo de nómina de Humano no abre desde el lunes.\\nSolicitante: Ana Pérez Ñungo, extensión 123, ana.perez@idep.edu.co.\\nDiagnóstico del contratista: error ORA-12541 al conectar."
       %s}""";

  /** The server's address as the client sees it (WireMock's baseUrl() says localhost). */
  private static URI vendorUrl() {
    return URI.create("http://127.0.0.1:" + vendor.getPort());
  }

  private static OsTicketClient client(Integer topicId, Duration timeout) {
    return new OsTicketClient(new OsTicketProperties(vendorUrl(), KEY, topicId, timeout));
  }

  private static OsTicketClient client() {
    return client(null, Duration.ofSeconds(5));
  }

  /** osTicket answers through Http::response: text/html, whatever the body. */
  private static void vendorAnswers(ResponseDefinitionBuilder answer) {
    vendor.stubFor(post(urlEqualTo(PATH)).willReturn(answer.withHeader("Content-Type", "text/html; charset=UTF-8")));
  }

  private static OsTicketException failure(OsTicketClient client) {
    OsTicketException e = catchThrowableOfType(OsTicketException.class, () -> client.open(REQUEST));
    assertThat(e).as("an OsTicketException").isNotNull();
    assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("Ana Pérez").doesNotContain("ana.perez@");
    return e;
  }

  @Test
  void aCreatedCaseGivesItsNumberAndTheCaseWentWithTheKeyAndTheTopic(CapturedOutput output) {
    vendorAnswers(aResponse().withStatus(201).withBody("123456\n"));

    assertThat(client(7, Duration.ofSeconds(5)).open(REQUEST)).isEqualTo("123456");

    vendor.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("X-API-Key", equalTo(KEY))
        .withHeader("Content-Type", equalTo("application/json"))
        .withRequestBody(equalToJson(SENT.formatted(", \"topicId\": 7"))));
    // One line, with the status and the time taken; nothing personal and never the key.
    assertThat(output.getOut()).containsPattern("osTicket 127\\.0\\.0\\.1:\\d+: HTTP 201 in \\d+ ms, case 123456")
        .doesNotContain(KEY).doesNotContain("Ana Pérez").doesNotContain("mesadeservicios@").doesNotContain("nómina");
  }

  @Test
  void withoutATopicNoneIsSentAndANumberWithLettersAndHyphensIsAccepted() {
    vendorAnswers(aResponse().withStatus(201).withBody("  HUM-004711\r\n"));

    assertThat(client().open(REQUEST)).isEqualTo("HUM-004711");

    // equalToJson refuses fields that are not in the expected document: no topicId at all.
    vendor.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(SENT.formatted(""))));
  }

  @Test
  void theBaseAddressMayHaveAPathAndATrailingSlash() {
    vendor.stubFor(post(urlEqualTo("/soporte" + PATH)).willReturn(aResponse().withStatus(201).withBody("000042")));
    OsTicketClient client = new OsTicketClient(new OsTicketProperties(
        URI.create(vendorUrl() + "/soporte/"), KEY, null, Duration.ofSeconds(5)));

    assertThat(client.open(REQUEST)).isEqualTo("000042");
  }

  @Test
  void aWrongKeyIsNotRetried() {
    vendorAnswers(aResponse().withStatus(401).withBody("API key not found/active or source IP not authorized"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.mayHaveOpened()).isFalse();
    assertThat(e.getMessage())
        .startsWith("La mesa de ayuda del proveedor rechazó la clave de API (HTTP 401): revise MESA_HUMANO_OSTICKET_KEY.")
        .contains("dirección IP")
        .contains("«API key not found/active or source IP not authorized»");
  }

  @Test
  void aDeniedCaseIsNotRetried() {
    vendorAnswers(aResponse().withStatus(403).withBody("Ticket denied"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).startsWith("La mesa de ayuda del proveedor negó el caso (HTTP 403: «Ticket denied»)");
  }

  @Test
  void aServerErrorIsRetried() {
    vendorAnswers(aResponse().withStatus(500).withBody("Unable to create new ticket: unknown error"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isTrue();
    assertThat(e.mayHaveOpened()).as("osTicket said it could not create it").isFalse();
    assertThat(e.getMessage()).isEqualTo("La mesa de ayuda del proveedor falló o no está disponible (HTTP 500: "
        + "«Unable to create new ticket: unknown error»): un error del proveedor; se puede reintentar.");
  }

  /** A gateway in front of the help desk may have passed the case on and lost the answer. */
  @ParameterizedTest
  @ValueSource(ints = {502, 504})
  void aGatewayThatLostTheAnswerIsRetriedAndWarnsOfASecondCase(int status) {
    vendorAnswers(aResponse().withStatus(status).withBody("<html><body>Gateway Timeout</body></html>"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isTrue();
    assertThat(e.mayHaveOpened()).isTrue();
    assertThat(e.whatHappened()).isEqualTo("La mesa de ayuda del proveedor no respondió a través de su pasarela (HTTP "
        + status + ": «Gateway Timeout»).");
    assertThat(e.getMessage()).endsWith("pudo haber recibido la solicitud y creado el caso.");
  }

  @Test
  void tooManyRequestsIsRetried() {
    vendorAnswers(aResponse().withStatus(429).withHeader("Retry-After", "60"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isTrue();
    assertThat(e.getMessage())
        .isEqualTo("La mesa de ayuda del proveedor pidió esperar (HTTP 429): se puede reintentar más tarde.");
  }

  @Test
  void anAnswerSlowerThanTheTimeoutIsRetriedAndWarnsOfASecondCase(CapturedOutput output) {
    vendorAnswers(aResponse().withStatus(201).withBody("123456").withFixedDelay(2000));

    long start = System.nanoTime();
    OsTicketException e = failure(client(null, Duration.ofMillis(300)));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(millis).as("gave up after the timeout, not after the answer").isLessThan(1500);
    assertThat(e.retryable()).isTrue();
    assertThat(e.mayHaveOpened()).isTrue();
    assertThat(e.whatHappened()).endsWith("(tiempo de espera agotado).");
    assertThat(e.getMessage()).matches("La mesa de ayuda del proveedor \\(127\\.0\\.0\\.1:\\d+\\) no respondió en 300 ms "
        + "\\(tiempo de espera agotado\\)\\. Se puede reintentar; si el error persiste, revise la mesa del proveedor antes "
        + "de reintentar a mano: pudo haber recibido la solicitud y creado el caso\\.");
    assertThat(output.getOut()).containsPattern("osTicket 127\\.0\\.0\\.1:\\d+: no answer after \\d+ ms \\(HttpTimeoutException\\)");
  }

  @Test
  void aRefusedConnectionIsRetried() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    OsTicketClient client = new OsTicketClient(
        new OsTicketProperties(URI.create("http://127.0.0.1:" + closed), KEY, null, Duration.ofSeconds(2)));

    OsTicketException e = failure(client);

    assertThat(e.retryable()).isTrue();
    assertThat(e.mayHaveOpened()).as("nothing was sent").isFalse();
    assertThat(e.getMessage()).isEqualTo("La mesa de ayuda del proveedor (127.0.0.1:" + closed
        + ") rechazó la conexión o no está en línea: se puede reintentar.");
  }

  @Test
  void aConnectionCutBeforeTheAnswerIsRetriedAndWarnsOfASecondCase() {
    vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isTrue();
    assertThat(e.mayHaveOpened()).isTrue();
    assertThat(e.getMessage()).startsWith("Se cortó la comunicación con la mesa de ayuda del proveedor (127.0.0.1:")
        .endsWith("pudo haber recibido la solicitud y creado el caso.");
  }

  @Test
  void createdWithAnHtmlPageIsNotRetriedForTheCaseMayExist() {
    vendorAnswers(aResponse().withStatus(201).withBody("""
        <!DOCTYPE html><html><head><title>Soporte</title><style>body { color: red }</style></head>
        <body><h1>Gracias</h1><p>Su solicitud fue recibida.</p></body></html>"""));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.mayHaveOpened()).isTrue();
    assertThat(e.getMessage()).isEqualTo("La mesa de ayuda del proveedor respondió HTTP 201 (caso creado) sin un número "
        + "de caso válido («Soporte Gracias Su solicitud fue recibida.»): puede haber creado el caso; revise la mesa del "
        + "proveedor antes de reintentar, para no abrirlo dos veces.");
  }

  @Test
  void createdWithAnEmptyBodyIsNotRetriedForTheCaseMayExist() {
    vendorAnswers(aResponse().withStatus(201));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("La mesa de ayuda del proveedor respondió HTTP 201 (caso creado) sin un número "
        + "de caso válido (respuesta vacía): puede haber creado el caso; revise la mesa del proveedor antes de "
        + "reintentar, para no abrirlo dos veces.");
  }

  @Test
  void createdWithAWordThatIsNoNumberIsNotTakenForOne() {
    vendorAnswers(aResponse().withStatus(201).withBody("Created"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).contains("(«Created»)").contains("revise la mesa del proveedor antes de reintentar");
  }

  @Test
  void aRefusedCaseIsNotRetriedAndQuotesAtMost200CharactersOfTheAnswer() {
    String error = "{\"error\": \"Unable to create new ticket: validation errors\", \"fields\": {\"topicId\": \""
        + "Help topic selection is required " + "x".repeat(300) + "\"}}";
    vendorAnswers(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(error));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).startsWith("La mesa de ayuda del proveedor rechazó el caso (HTTP 400: «" + error.substring(0, 200) + "…»)")
        .endsWith("reintentar no lo cambia; revise los datos del caso y la configuración (mesa.humano.osticket.topic-id) "
            + "con el proveedor.")
        .doesNotContain("x".repeat(200));
  }

  @Test
  void theKeyIsNeverQuotedEvenIfTheVendorEchoesIt() {
    vendorAnswers(aResponse().withStatus(400).withBody("Unexpected data: key " + KEY + " is not valid here"));

    OsTicketException e = failure(client());

    assertThat(e.getMessage()).contains("«Unexpected data: key *** is not valid here»");
  }

  @Test
  void aRedirectIsNeitherFollowedNorRetried() {
    vendorAnswers(aResponse().withStatus(301).withHeader("Location", "https://soporte.proveedor.example/api/tickets.json"));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("La mesa de ayuda del proveedor respondió con una redirección (HTTP 301 hacia "
        + "«https://soporte.proveedor.example/api/tickets.json»): revise mesa.humano.osticket.url (¿https:// en lugar de "
        + "http://, u otra ruta?).");
    vendor.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aWrongAddressIsNotRetried() {
    vendor.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("<h1>Not Found</h1>")));

    OsTicketException e = failure(client());

    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("La mesa de ayuda del proveedor no encontró su API en /api/tickets.json "
        + "(HTTP 404): revise mesa.humano.osticket.url.");
  }

  @Test
  void notConfiguredIsAnIllegalStateAndCallsNobody() {
    OsTicketClient client = new OsTicketClient(new OsTicketProperties(null, KEY, null, null));

    assertThat(client.isConfigured()).isFalse();
    assertThatThrownBy(() -> client.open(REQUEST)).isInstanceOf(IllegalStateException.class)
        .hasMessage("La mesa de ayuda del proveedor (osTicket) no está configurada: mesa.humano.osticket.url está vacía.");
    vendor.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void withoutAKeyNothingIsSent() {
    OsTicketClient client = new OsTicketClient(new OsTicketProperties(vendorUrl(), "", null, null));

    assertThat(client.isConfigured()).isTrue();
    OsTicketException e = failure(client);
    assertThat(e.retryable()).isFalse();
    assertThat(e.getMessage()).isEqualTo("La Mesa de Servicios no tiene la clave de API de la mesa de ayuda del "
        + "proveedor: defina MESA_HUMANO_OSTICKET_KEY.");
    vendor.verify(0, postRequestedFor(urlEqualTo(PATH)));
  }

  @Test
  void aRequestShowsNothingPersonal() {
    assertThat(REQUEST.toString()).doesNotContain("Ana").doesNotContain("@").doesNotContain("nómina");
    assertThatThrownBy(() -> new OsTicketRequest("Mesa", " ", "Asunto", "Mensaje"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("el correo");
  }
}
