package co.edu.idep.mesa.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application as its clients see it: HTTP on a real port, the real database, the real
 * engine. Subclasses choose the database (H2 here, PostgreSQL in CI).
 */
abstract class AbstractTicketApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient jdbc;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  static Map<String, Object> support() {
    return TicketRequests.support();
  }

  static Map<String, Object> account() {
    return TicketRequests.account();
  }

  // ------------------------------------------------------------------ authentication

  @Test
  void nothingAnswersWithoutCredentialsButTheHealthEndpoint() {
    Reply api401 = api.get("/api/tickets", null);
    assertThat(api401.status()).isEqualTo(401);
    assertThat(api401.json().get("message").asText()).contains("Inicie sesión");
    assertThat(api.get("/engine-rest/process-definition", null).status()).isEqualTo(401);
    // The hand-over page asks the browser for the login (HTTP Basic), like the rest of /api.
    Reply page = api.get("/api/cuentas/entrega", null);
    assertThat(page.status()).isEqualTo(401);
    assertThat(page.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    // A wrong password delays that account from this address for a second (LoginThrottle): the next
    // attempt at once is refused with 429 before any check. From an address of this test's own, so
    // that no other test, in this class or another one, meets the delay.
    String address = "192.0.2.31";
    assertThat(api.sendFrom(address, "GET", "/api/tickets", "goobi", "incorrecta", null).status()).isEqualTo(401);
    assertThat(api.sendFrom(address, "GET", "/engine-rest/process-definition", "goobi", "incorrecta", null).status())
        .isEqualTo(429);
    assertThat(api.get("/actuator/env", null).status()).isIn(401, 403);
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(api.get("/engine-rest/process-definition", "usuario1").status()).isEqualTo(200);
  }

  // ------------------------------------------------------------------ open, list, read

  @Test
  void aRequesterOpensATicketAndFollowsIt() {
    Reply created = api.post("/api/tickets", "usuario1", account());

    assertThat(created.status()).isEqualTo(201);
    String code = created.json().get("code").asText();
    assertThat(code).matches("MDS-" + LocalDate.now().getYear() + "-\\d{6}");

    Reply mine = api.get("/api/tickets", "usuario1");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().findValuesAsText("code")).contains(code);

    JsonNode ticket = api.get("/api/tickets/" + code, "usuario1").json();
    assertThat(ticket.get("state").asText()).isEqualTo("ASIGNADO");
    assertThat(ticket.get("stateLabel").asText()).isEqualTo("Asignado");
    assertThat(ticket.get("requester").asText()).isEqualTo("usuario1");
    assertThat(ticket.get("assignedGroup").asText()).isEqualTo("tecnico-operativo");
    assertThat(ticket.get("priority").asText()).isEqualTo("MEDIA");
    assertThat(ticket.get("createdAt").asText()).isNotBlank();
    assertThat(ticket.get("fields").get("mobilePhone").asText()).isEqualTo("3105551234");
    assertThat(ticket.get("timeline").findValuesAsText("kind")).containsExactly("REGISTRO", "ASIGNACION");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

    // Someone else's ticket is indistinguishable from a missing one; staff can read it.
    Reply other = api.get("/api/tickets/" + code, "usuario2");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).doesNotContain(code).doesNotContain("Julián");
    assertThat(api.get("/api/tickets", "usuario2").json().findValuesAsText("code")).doesNotContain(code);
    assertThat(api.get("/api/tickets/" + code, "tecnico").status()).isEqualTo(200);
  }

  @Test
  void textIsStoredAsTextExactlyAsWritten() {
    Map<String, Object> body = support();
    body.put("description", "Si a < b y \"x\" & 'y' > 3, el sistema falla; ver 100% de CPU.");
    String code = api.post("/api/tickets", "usuario1", body).json().get("code").asText();

    JsonNode ticket = api.get("/api/tickets/" + code, "usuario1").json();
    assertThat(ticket.get("description").asText()).isEqualTo(body.get("description"));
  }

  // ------------------------------------------------------------------ bad input

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("sin asunto", without(support(), "subject"), "subject", "«Asunto» es obligatorio"),
        Arguments.of("tema desconocido", with(support(), "topic", "IMPRESORAS"), "topic", "no es una opción válida"),
        Arguments.of("sin tema", without(support(), "topic"), "topic", "Seleccione un valor"),
        Arguments.of("identificación mal formada", with(account(), "idNumber", "80-12AB"), "idNumber", "dígitos"),
        Arguments.of("correo mal formado", with(account(), "alternateEmail", "julian@"), "alternateEmail", "no es una dirección de correo válida"),
        Arguments.of("correo institucional como alterno", with(account(), "alternateEmail", "j@idep.edu.co"), "alternateEmail", "debe ser externo"),
        Arguments.of("celular mal formado", with(account(), "mobilePhone", "6015551234"), "mobilePhone", "móvil colombiano"),
        Arguments.of("contratista sin contrato", without(account(), "contractNumber"), "contractNumber", "obligatorio para los contratistas"),
        Arguments.of("sin accesos", with(account(), "accesses", List.of()), "accesses", "al menos una opción"),
        Arguments.of("descripción demasiado larga", with(support(), "description", "x".repeat(4001)), "description", "máximo 4000"),
        Arguments.of("HTML en el asunto", with(support(), "subject", "<b>urgente</b>"), "subject", "no puede contener HTML"),
        Arguments.of("script en la descripción", with(support(), "description", "hola <script>alert(1)</script>"), "description", "no puede contener HTML"),
        Arguments.of("cantidad fuera de rango", with(loan(), "quantity", 0), "quantity", "entre 1 y 20"),
        Arguments.of("devolución antes del inicio", with(loan(), "loanEnd", LocalDate.now().minusDays(1).toString()), "loanEnd", "anterior a la fecha de inicio"),
        Arguments.of("URL no válida", with(web(), "webAddress", "javascript:alert(1)"), "webAddress", "no puede contener HTML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badInputIsRefusedInSpanishAndChangesNothing(String name, Map<String, Object> body, String field, String message) {
    long tickets = ticketCount();
    long instances = runtime.createProcessInstanceQuery().count();

    Reply reply = api.post("/api/tickets", "usuario2", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).contains("datos no válidos");
    assertThat(reply.json().get("errors").findValuesAsText("field")).contains(field);
    assertThat(reply.json().get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains(message));
    assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at co.edu");
    assertThat(ticketCount()).isEqualTo(tickets);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIsRefusedInSpanish() {
    for (String body : List.of("esto no es JSON", "[1,2,3]", "")) {
      Reply reply = api.postRaw("/api/tickets", "usuario1", body);
      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("message").asText()).contains("objeto JSON válido");
    }
  }

  // ------------------------------------------------------------------ whole path over REST

  @Test
  void aTicketRunsToClosureThroughTheRestApis() {
    String code = api.post("/api/tickets", "usuario1", support()).json().get("code").asText();

    complete(code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", bool(true)));
    // An answer that breaks a rule: 400 with the Spanish message, and the task stays open.
    Reply refused = api.submit(api.taskId(code, "Task_EvaluateTechnicalSupport"), "tecnico", Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).startsWith("La solicitud tiene datos no válidos")
        .contains("¿Puede resolver el incidente?");
    complete(code, "Task_EvaluateTechnicalSupport", "tecnico", Map.of("canResolve", bool(true)));
    complete(code, "Task_ResolveTechnicalSupport", "tecnico", Map.of("solution", text("Se cambió la fuente.")));
    complete(code, "Task_VerifySolution", "usuario1", Map.of("satisfied", bool(true),
        "satisfactionScore", Map.of("value", 5, "type", "Long"), "verificationComment", text("Gracias")));

    JsonNode ticket = api.get("/api/tickets/" + code, "usuario1").json();
    assertThat(ticket.get("state").asText()).isEqualTo("CERRADO");
    assertThat(ticket.get("closedAt").isNull()).isFalse();
    assertThat(ticket.get("satisfactionScore").asInt()).isEqualTo(5);
    assertThat(ticket.get("timeline").findValuesAsText("kind")).containsExactly("REGISTRO", "ASIGNACION",
        "TEMA_CONFIRMADO", "EVALUACION", "SOLUCION", "RESPUESTA_SOLICITANTE", "CIERRE");
    assertThat(ticket.get("timeline").findValuesAsText("author"))
        .containsExactly("usuario1", "usuario1", "tecnico", "tecnico", "tecnico", "usuario1", "usuario1");
  }

  @Test
  void theTasklistStartFormIsValidatedByTheServerToo() {
    long instances = runtime.createProcessInstanceQuery().count();
    Map<String, Object> variables = new HashMap<>();
    variables.put("topic", text("SOPORTE_TECNICO"));
    variables.put("subject", text("Falla"));
    variables.put("description", text("<img src=x onerror=alert(1)>"));

    Reply refused = api.post("/engine-rest/process-definition/key/mesa-de-servicios/submit-form", "usuario1",
        Map.of("variables", variables));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("no puede contener HTML", "Ubicación");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);

    variables.put("description", text("La impresora no imprime."));
    variables.put("location", text("Piso 3"));
    Reply started = api.post("/engine-rest/process-definition/key/mesa-de-servicios/submit-form", "usuario1",
        Map.of("variables", variables));
    assertThat(started.status()).isEqualTo(200);
    String code = started.json().get("businessKey").asText();
    assertThat(api.get("/api/tickets/" + code, "usuario1").json().get("requester").asText()).isEqualTo("usuario1");
  }

  @Test
  void aRefusedStartThroughTheRestStartEndpointIsA400Too() {
    long instances = runtime.createProcessInstanceQuery().count();
    Reply refused = api.post("/engine-rest/process-definition/key/mesa-de-servicios/start", "usuario1",
        Map.of("variables", Map.of("topic", text("SOPORTE_TECNICO"), "subject", text("Falla"))));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).startsWith("La solicitud tiene datos no válidos:")
        .contains("«Descripción» es obligatorio");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void tasklistsOwnApiAnswersARefusedStartFormWithTheSpanishMessageAlone() throws Exception {
    long instances = runtime.createProcessInstanceQuery().count();
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "usuario1", "demo")).isEqualTo(200);
    Map<String, Object> variables = new HashMap<>();
    variables.put("topic", text("SOPORTE_TECNICO"));
    variables.put("subject", text("Falla"));
    variables.put("description", text("<b>urgente</b>"));

    HttpResponse<String> refused = tasklist.post(
        "/camunda/api/engine/engine/default/process-definition/key/mesa-de-servicios/submit-form",
        new ObjectMapper().writeValueAsString(Map.of("variables", variables)));

    assertThat(refused.statusCode()).isEqualTo(400);
    String message = new ObjectMapper().readTree(refused.body()).get("message").asText();
    assertThat(message).startsWith("La solicitud tiene datos no válidos:").contains("no puede contener HTML")
        .doesNotContain("Cannot", "process definition");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  // ------------------------------------------------------------------ unique codes

  @Test
  void concurrentRegistrationsGetDistinctConsecutiveCodes() throws Exception {
    int count = 24;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<String>> calls = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        calls.add(() -> api.post("/api/tickets", "usuario2", support()).json().get("code").asText());
      }
      Set<String> codes = new HashSet<>();
      for (Future<String> code : pool.invokeAll(calls)) codes.add(code.get());
      assertThat(codes).hasSize(count);
      List<Integer> numbers = codes.stream().map(c -> Integer.parseInt(c.substring(c.lastIndexOf('-') + 1))).sorted().toList();
      assertThat(numbers.get(count - 1) - numbers.get(0)).isEqualTo(count - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ helpers

  private void complete(String code, String taskKey, String user, Map<String, Object> variables) {
    api.complete(code, taskKey, user, variables);
  }

  private long ticketCount() {
    return jdbc.sql("select count(*) from ticket").query(Long.class).single();
  }

  static Map<String, Object> text(String value) {
    return ApiClient.value(value, "String");
  }

  static Map<String, Object> bool(boolean value) {
    return ApiClient.value(value, "Boolean");
  }

  static Map<String, Object> loan() {
    return TicketRequests.loan();
  }

  static Map<String, Object> web() {
    return TicketRequests.web();
  }

  static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
    body.put(key, value);
    return body;
  }

  static Map<String, Object> without(Map<String, Object> body, String key) {
    body.remove(key);
    return body;
  }
}
