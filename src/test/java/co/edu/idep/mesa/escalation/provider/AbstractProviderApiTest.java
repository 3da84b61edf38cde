package co.edu.idep.mesa.escalation.provider;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.ticket.Topic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /api/providers over HTTP: staff keep the providers and their contracts, requesters are refused,
 * bad input is a Spanish 400 that changes nothing. The database may be shared with other classes:
 * every provider and contract here has a code or number of this test's own ({@link #prefix}), and
 * nothing assumes there is no other provider.
 */
abstract class AbstractProviderApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired Providers providers;

  ApiClient api;
  /** "P" and six random capitals or digits, e.g. "PK3F9ZQ": the codes of one test are "PK3F9ZQ-1", … */
  String prefix;
  /** The Institute's day, as the API counts the contracts in force. */
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    prefix = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    today = LocalDate.now(ZoneId.of("America/Bogota"));
  }

  String code(int n) {
    return prefix + "-" + n;
  }

  String number(int n) {
    return "CPS-" + prefix + "-" + n;
  }

  static Map<String, Object> provider(String code, Object topics) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", "Contratista de mantenimiento de infraestructura");
    body.put("kind", "MANTENIMIENTO");
    body.put("contactEmail", "soporte@mantenimiento.example.com");
    body.put("services", "Computadores, impresoras, red física");
    body.put("topics", topics);
    body.put("channel", "EMAIL");
    return body;
  }

  static Map<String, Object> contract(String number, LocalDate startsOn, LocalDate endsOn) {
    Map<String, Object> body = new HashMap<>();
    body.put("number", number);
    body.put("startsOn", startsOn.toString());
    body.put("endsOn", endsOn.toString());
    body.put("responseHours", 8);
    body.put("resolutionHours", 40);
    return body;
  }

  Reply add(Map<String, Object> provider) {
    return api.post("/api/providers", "tecnico", provider);
  }

  Reply put(String path, Map<String, Object> body, String user) {
    return api.send("PUT", path, user, json(body));
  }

  Reply addContract(String code, Map<String, Object> contract) {
    return api.post("/api/providers/" + code + "/contracts", "tecnico", contract);
  }

  /** The codes of this test's providers that the list shows. */
  List<String> mine(String user) {
    Reply list = api.get("/api/providers", user);
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(list.json().spliterator(), false).map(p -> p.get("code").asText())
        .filter(c -> c.startsWith(prefix)).toList();
  }

  static List<String> messages(Reply reply) {
    return reply.json().get("errors").findValuesAsText("message");
  }

  static List<String> fields(Reply reply) {
    return reply.json().get("errors").findValuesAsText("field");
  }

  @Test
  void staffAddReadAndUpdateProvidersAndTheirContracts() {
    Reply added = add(provider(" " + code(2).toLowerCase(), List.of("SOPORTE_TECNICO")));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.header("Location")).contains("/api/providers/" + code(2));
    JsonNode body = added.json();
    assertThat(body.get("code").asText()).isEqualTo(code(2));
    assertThat(body.get("kind").asText()).isEqualTo("MANTENIMIENTO");
    assertThat(body.get("kindLabel").asText()).isEqualTo("Mantenimiento de infraestructura");
    assertThat(body.get("channel").asText()).isEqualTo("EMAIL");
    assertThat(body.get("channelLabel").asText()).isEqualTo("Correo electrónico");
    assertThat(body.get("topics")).extracting(JsonNode::asText).containsExactly("SOPORTE_TECNICO");
    assertThat(body.get("topicLabels")).extracting(JsonNode::asText).containsExactly("Solicitud de Soporte Técnico");
    assertThat(body.get("active").asBoolean()).isTrue();
    assertThat(body.get("updatedAt").asText()).endsWith("-05:00");
    assertThat(body.get("contracts")).isEmpty();
    assertThat(body.get("contractInForce").isNull()).isTrue();
    Map<String, Object> web = provider(code(1), "soporte_web, SOPORTE_HUMANO");
    web.put("kind", "web");
    web.put("channel", "OSTICKET");
    web.put("contactEmail", "soporte@web.example.com");
    assertThat(add(web).status()).isEqualTo(201);

    Reply expired = addContract(code(2).toLowerCase(), contract(number(1).toLowerCase(), today.minusYears(1),
        today.minusDays(1)));
    assertThat(expired.status()).as(expired.body()).isEqualTo(201);
    assertThat(expired.header("Location")).contains("/api/providers/" + code(2) + "/contracts/" + number(1));
    assertThat(expired.json().get("number").asText()).isEqualTo(number(1));
    assertThat(expired.json().get("inForce").asBoolean()).isFalse();
    Reply current = addContract(code(2), contract(number(2), today, today.plusYears(1).minusDays(1)));
    assertThat(current.status()).as(current.body()).isEqualTo(201);
    assertThat(current.json().get("startsOn").asText()).isEqualTo(today.toString());
    assertThat(current.json().get("inForce").asBoolean()).as("from its first day").isTrue();
    assertThat(api.get("/api/providers/" + code(2) + "/contracts/" + number(2), "jefe").json().get("responseHours")
        .asInt()).isEqualTo(8);

    // Every staff role, the Jefe OAP and the administrators read them; in code order.
    for (String user : List.of("tecnico", "sistemas", "goobi", "web", "jefe", "admin")) {
      assertThat(mine(user)).as(user).containsExactly(code(1), code(2));
    }
    Reply one = api.get("/api/providers/" + code(2).toLowerCase(), "sistemas");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("contracts")).extracting(c -> c.get("number").asText())
        .containsExactly(number(1), number(2));
    assertThat(one.json().get("contractInForce").get("number").asText()).isEqualTo(number(2));
    JsonNode listed = StreamSupport.stream(api.get("/api/providers", "jefe").json().spliterator(), false)
        .filter(p -> p.get("code").asText().equals(code(2))).findFirst().orElseThrow();
    assertThat(listed.get("contractInForce").get("number").asText()).isEqualTo(number(2));
    assertThat(listed.get("contracts")).hasSize(2);
    assertThat(providers.forTopic(Topic.SOPORTE_TECNICO)).isPresent();

    Map<String, Object> changed = provider(code(2), List.of("SOPORTE_TECNICO", "SOPORTE_GOOBI"));
    changed.put("name", "Nuevo contratista de mantenimiento");
    changed.put("active", false);
    changed.remove("services");
    Reply updated = put("/api/providers/" + code(2), changed, "web");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    Provider stored = providers.findByCode(code(2)).orElseThrow();
    assertThat(stored.name()).isEqualTo("Nuevo contratista de mantenimiento");
    assertThat(stored.active()).isFalse();
    assertThat(stored.services()).as("absent is none").isNull();
    assertThat(stored.topics()).containsExactly(Topic.SOPORTE_TECNICO, Topic.SOPORTE_GOOBI);
    Map<String, Object> withoutActive = provider(code(2), List.of("SOPORTE_TECNICO"));
    assertThat(put("/api/providers/" + code(2), withoutActive, "jefe").json().get("active").asBoolean())
        .as("kept when absent").isFalse();

    Map<String, Object> extended = contract(number(1), today.minusYears(1), today.plusDays(30));
    extended.remove("number");
    extended.put("resolutionHours", "24");
    Reply extension = put("/api/providers/" + code(2) + "/contracts/" + number(1).toLowerCase(), extended, "admin");
    assertThat(extension.status()).as(extension.body()).isEqualTo(200);
    assertThat(extension.json().get("inForce").asBoolean()).isTrue();
    assertThat(extension.json().get("resolutionHours").asInt()).isEqualTo(24);
    SupportContract inForce = providers.contractInForce(stored.id(), today).orElseThrow();
    assertThat(inForce.number()).as("still the one ending last").isEqualTo(number(2));
    assertThat(providers.contracts(stored.id())).extracting(SupportContract::endsOn)
        .containsExactly(today.plusDays(30), today.plusYears(1).minusDays(1));
  }

  @Test
  void aRequesterMayNotReadNorChangeProvidersOrContracts() {
    assertThat(add(provider(code(1), List.of("SOPORTE_WEB"))).status()).isEqualTo(201);
    assertThat(addContract(code(1), contract(number(1), today, today.plusDays(10))).status()).isEqualTo(201);
    List<Reply> refused = List.of(
        api.get("/api/providers", "usuario1"),
        api.get("/api/providers/" + code(1), "usuario1"),
        api.get("/api/providers/" + code(1) + "/contracts/" + number(1), "usuario1"),
        api.post("/api/providers", "usuario1", provider(code(2), List.of("SOPORTE_WEB"))),
        put("/api/providers/" + code(1), provider(code(1), List.of("SOPORTE_HUMANO")), "usuario1"),
        api.post("/api/providers/" + code(1) + "/contracts", "usuario1", contract(number(2), today, today)),
        put("/api/providers/" + code(1) + "/contracts/" + number(1), contract(number(1), today, today), "usuario1"));
    assertThat(refused).allSatisfy(reply -> {
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("message").asText()).isEqualTo("No tiene permiso para esta operación.");
    });
    assertThat(api.get("/api/providers", null).status()).isEqualTo(401);
    assertThat(providers.findByCode(code(2))).isEmpty();
    Provider unchanged = providers.findByCode(code(1)).orElseThrow();
    assertThat(unchanged.topics()).containsExactly(Topic.SOPORTE_WEB);
    assertThat(providers.contracts(unchanged.id())).singleElement()
        .satisfies(c -> assertThat(c.endsOn()).isEqualTo(today.plusDays(10)));
  }

  @Test
  void badProvidersAreRefusedInSpanishAndChangeNothing() {
    assertThat(add(provider(code(1), List.of("SOPORTE_WEB"))).status()).isEqualTo(201);
    Provider before = providers.findByCode(code(1)).orElseThrow();

    Reply empty = api.post("/api/providers", "tecnico", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("message").asText()).contains("datos no válidos");
    assertThat(fields(empty)).containsExactly("code", "name", "kind", "contactEmail", "topics", "channel");
    assertThat(messages(empty)).contains("El campo «Código» es obligatorio.", "El campo «Nombre» es obligatorio.",
        "El campo «Correo de contacto» es obligatorio.", "Seleccione al menos una opción en «Temas de ayuda».",
        "Seleccione un valor para «Tipo»: MANTENIMIENTO (Mantenimiento de infraestructura), SOFTWARE (Proveedor de"
            + " software) o WEB (Proveedor web).");

    Map<String, Object> bad = provider("X", List.of("SOPORTE_WEB", "SOPORTE_IMPRESORAS"));
    bad.put("kind", "Impresoras");
    bad.put("contactEmail", "soporte en web.example.com");
    bad.put("channel", "TELEFONO");
    bad.put("name", "N".repeat(151));
    bad.put("active", "quizá");
    Reply refused = add(bad);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("code", "name", "kind", "contactEmail", "topics", "channel", "active");
    assertThat(messages(refused)).contains(
        "El campo «Código» admite de 2 a 40 letras sin tilde, números, guiones y guiones bajos, sin espacios (por"
            + " ejemplo MANTENIMIENTO o CPS-WEB).",
        "El campo «Nombre» admite máximo 150 caracteres.",
        "El campo «Correo de contacto» no es una dirección de correo válida.",
        "El valor de «Canal» no es válido: use EMAIL (Correo electrónico) u OSTICKET (API de osTicket).",
        "El campo «Activo» debe ser sí o no.");
    assertThat(messages(refused)).anySatisfy(m -> assertThat(m).startsWith("«Temas de ayuda» tiene un código que no"
        + " es de ningún tema; use los códigos CUENTA_USUARIO,"));
    assertThat(fields(add(provider("CÓDIGO-" + prefix, List.of("SOPORTE_WEB"))))).containsExactly("code");
    assertThat(fields(add(provider(code(2), "")))).containsExactly("topics");
    assertThat(fields(add(provider(code(2), 7)))).containsExactly("topics");

    Reply twice = add(provider(code(1).toLowerCase(), List.of("SOPORTE_HUMANO")));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(messages(twice)).containsExactly("Ya existe un proveedor con el código " + code(1) + ".");
    assertThat(api.postRaw("/api/providers", "tecnico", "[no es json").status()).isEqualTo(400);

    Map<String, Object> badUpdate = provider(code(1), List.of());
    badUpdate.put("contactEmail", "");
    Reply refusedUpdate = put("/api/providers/" + code(1), badUpdate, "tecnico");
    assertThat(refusedUpdate.status()).isEqualTo(400);
    assertThat(fields(refusedUpdate)).containsExactly("contactEmail", "topics");
    Reply renamed = put("/api/providers/" + code(1), provider(code(3), List.of("SOPORTE_WEB")), "tecnico");
    assertThat(fields(renamed)).as("no renaming").containsExactly("code");
    assertThat(messages(renamed)).singleElement().asString().startsWith("El código de un proveedor no se cambia");

    Reply missing = api.get("/api/providers/" + code(9), "tecnico");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("message").asText()).isEqualTo("No existe un proveedor con ese código.");
    assertThat(put("/api/providers/" + code(9), provider(code(9), List.of("SOPORTE_WEB")), "tecnico").status())
        .isEqualTo(404);

    assertThat(providers.findByCode(code(2))).isEmpty();
    assertThat(providers.findByCode(code(3))).isEmpty();
    assertThat(providers.findByCode(code(1))).contains(before);
  }

  @Test
  void badContractsAreRefusedInSpanishAndChangeNothing() {
    assertThat(add(provider(code(1), List.of("SOPORTE_WEB"))).status()).isEqualTo(201);
    assertThat(add(provider(code(2), List.of("SOPORTE_HUMANO"))).status()).isEqualTo(201);
    Map<String, Object> original = contract(number(1), today.minusDays(10), today.plusDays(10));
    assertThat(addContract(code(1), original).status()).isEqualTo(201);
    long id = providers.findByCode(code(1)).orElseThrow().id();
    List<SupportContract> before = providers.contracts(id);

    Reply empty = addContract(code(1), Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(fields(empty)).containsExactly("number", "startsOn", "endsOn", "responseHours", "resolutionHours");
    assertThat(messages(empty)).contains("El campo «Número de contrato» es obligatorio.",
        "El campo «Fecha de inicio» es obligatorio.", "El campo «Tiempo de respuesta (horas)» es obligatorio.");

    Map<String, Object> backwards = contract(number(2), today, today.minusDays(1));
    backwards.put("responseHours", 0);
    backwards.put("resolutionHours", 8761);
    Reply refused = addContract(code(1), backwards);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(fields(refused)).containsExactly("endsOn", "responseHours", "resolutionHours");
    assertThat(messages(refused)).containsExactly("La «Fecha de fin» no puede ser anterior a la «Fecha de inicio».",
        "El campo «Tiempo de respuesta (horas)» debe ser un número entero entre 1 y 8760.",
        "El campo «Tiempo de solución (horas)» debe ser un número entero entre 1 y 8760.");

    Map<String, Object> notDates = contract("CPS 2/2026", today, today);
    notDates.put("startsOn", "15/01/2026");
    notDates.put("endsOn", "2026-02-30");
    notDates.put("responseHours", "ocho");
    notDates.put("resolutionHours", 4.5);
    Reply unreadable = addContract(code(1), notDates);
    assertThat(fields(unreadable)).containsExactly("number", "startsOn", "endsOn", "responseHours", "resolutionHours");
    assertThat(messages(unreadable)).contains("El campo «Fecha de inicio» debe ser una fecha con formato AAAA-MM-DD.",
        "El campo «Número de contrato» admite solo letras sin tilde, números, puntos, guiones y guiones bajos, sin"
            + " espacios (por ejemplo CPS-101-2026).");

    // A number is unique over all providers.
    Reply twice = addContract(code(2), contract(number(1).toLowerCase(), today, today));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(messages(twice)).containsExactly("Ya existe un contrato con el número " + number(1) + ".");

    Map<String, Object> badUpdate = contract(number(1), today, today.minusDays(1));
    Reply refusedUpdate = put("/api/providers/" + code(1) + "/contracts/" + number(1), badUpdate, "tecnico");
    assertThat(fields(refusedUpdate)).containsExactly("endsOn");
    Reply renumbered = put("/api/providers/" + code(1) + "/contracts/" + number(1), contract(number(3), today, today),
        "tecnico");
    assertThat(fields(renumbered)).containsExactly("number");

    Reply notHis = put("/api/providers/" + code(2) + "/contracts/" + number(1), original, "tecnico");
    assertThat(notHis.status()).as("another provider's contract").isEqualTo(404);
    assertThat(notHis.json().get("message").asText()).isEqualTo("No existe un contrato con ese número para ese proveedor.");
    assertThat(addContract(code(9), contract(number(4), today, today)).status()).isEqualTo(404);
    assertThat(api.get("/api/providers/" + code(2) + "/contracts/" + number(1), "tecnico").status()).isEqualTo(404);

    assertThat(providers.contracts(id)).isEqualTo(before);
    assertThat(providers.contracts(providers.findByCode(code(2)).orElseThrow().id())).isEmpty();
  }

  @Test
  void theSameCodeOrNumberAddedAtOnceIsAddedOnceAndRefusedWith400Otherwise() throws Exception {
    // Whether the check or the insert catches the others, nobody gets a 500.
    assertThat(addedOnce(() -> add(provider(code(1), List.of("SOPORTE_WEB"))))).isTrue();
    assertThat(addedOnce(() -> addContract(code(1), contract(number(1), today, today)))).isTrue();
  }

  private static boolean addedOnce(Callable<Reply> add) throws Exception {
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Integer> statuses = new ArrayList<>();
      for (Future<Reply> reply : pool.invokeAll(Collections.nCopies(clients, add))) {
        statuses.add(reply.get().status());
      }
      assertThat(statuses).containsOnly(201, 400);
      assertThat(statuses).containsOnlyOnce(201);
      return true;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String json(Map<String, Object> body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
