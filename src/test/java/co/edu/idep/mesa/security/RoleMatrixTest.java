package co.edu.idep.mesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.report.ReportPeriod;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.ReportQuarters;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every cell of the README's role matrix, through the interfaces people and programs use: the
 * help desk's {@code /api}, Camunda's {@code /engine-rest}, and the webapps' own API behind their
 * login. Denied cells must answer 403 or 404 — never data, never 500.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

  /** Columns of the matrix: the role and the demo user who holds only that role. */
  static final Map<String, String> USERS = new java.util.LinkedHashMap<>();

  static {
    USERS.put(Roles.REQUESTERS, "usuario1");
    USERS.put(Roles.TECHNICIAN, "tecnico");
    USERS.put(Roles.INFORMATION_SYSTEMS, "sistemas");
    USERS.put(Roles.GOOBI_ENGINEER, "goobi");
    USERS.put(Roles.WEB_ENGINEER, "web");
    USERS.put(Roles.HEAD_OF_OFFICE, "jefe");
    USERS.put(Roles.ADMIN, "admin");
  }

  /**
   * The matrix, one row per action, one letter per column in the order of {@link #USERS}:
   * S = allowed (sí), N = denied. The README shows the same table.
   */
  enum Action {
    OPEN_TICKET_API("Abrir un ticket (/api)", "SNNNNNS"),
    OPEN_TICKET_TASKLIST("Abrir un ticket desde Tasklist (formulario de inicio)", "SNNNNNS"),
    READ_OWN_TICKETS("Consultar sus propios tickets (/api)", "SSSSSSS"),
    READ_OTHERS_TICKET("Ver un ticket de soporte técnico de otro solicitante (/api)", "NSNNNSS"),
    SEE_TOPIC_TASKS("Ver las tareas de soporte técnico (/engine-rest)", "NSNNNSS"),
    CLAIM_TOPIC_TASK("Reclamar una tarea de soporte técnico (/engine-rest)", "NSNNNNS"),
    COMPLETE_OTHERS_VERIFICATION("Completar la verificación de un ticket ajeno como si fuera el solicitante (/engine-rest)",
        "NNNNNNN"),
    RECORD_ANSWER_BY_PHONE("Registrar la respuesta que el solicitante dio por teléfono o en persona (/engine-rest)",
        "NSNNNNS"),
    SEE_ALL_INSTANCES("Ver todas las instancias del proceso (API de los webapps)", "NNNNNSS"),
    READ_HISTORY("Ver el historial de los tickets (/engine-rest)", "NNNNNSS"),
    ENTER_TASKLIST("Entrar a Tasklist", "SSSSSSS"),
    ENTER_COCKPIT("Entrar a Cockpit", "NNNNNSS"),
    ENTER_ADMIN("Entrar a Admin", "NNNNNNS"),
    CREATE_STANDALONE_TASK("Crear tareas sueltas (Create task en Tasklist, /engine-rest)", "NNNNNNS"),
    ADMINISTER_USERS("Crear usuarios y grupos (/engine-rest)", "NNNNNNS"),
    DEPLOY("Desplegar procesos (/engine-rest)", "NNNNNNS"),
    QUERY_AUDIT("Consultar y exportar la auditoría (/api/audit)", "NNNNNSS"),
    LOGIN_THROTTLE("Ver y levantar los límites de intentos de inicio de sesión (/api/login-throttle)", "NNNNNNS"),
    MASK_PERSONAL_DATA("Enmascarar los datos personales de un ticket cerrado (/api)", "NNNNNSS"),
    REQUEST_REPORT("Solicitar el informe de un trimestre terminado (/api/reports)", "NSSNSSS"),
    READ_REPORTS("Consultar los informes trimestrales (/api/reports)", "NSSSSSS"),
    APPROVE_REPORT("Aprobar el informe trimestral (/engine-rest)", "NNNNNSN"),
    KEEP_INVENTORY("Consultar y registrar equipos del inventario (/api/assets)", "NSSSSSS"),
    KEEP_PROVIDERS("Consultar y registrar proveedores y contratos de soporte (/api/providers)", "NSSSSSS");

    final String label;
    final String cells;

    Action(String label, String cells) {
      this.label = label;
      this.cells = cells;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;

  ApiClient api;
  String othersTicket;
  String closedTicket;

  @BeforeAll
  void fixtures() {
    api = new ApiClient(port);
    othersTicket = open("usuario2");
    closedTicket = open("usuario2");
    String id = atVerification(closedTicket);
    tasks.complete(id, Map.of("satisfied", true, "satisfactionScore", 5L));
  }

  static Stream<Arguments> cells() {
    List<Arguments> cells = new ArrayList<>();
    for (Action action : Action.values()) {
      List<String> roles = new ArrayList<>(USERS.keySet());
      for (int i = 0; i < roles.size(); i++) {
        cells.add(Arguments.of(action, roles.get(i), action.cells.charAt(i) == 'S'));
      }
    }
    return cells.stream();
  }

  @ParameterizedTest(name = "{0} · {1} → {2}")
  @MethodSource("cells")
  void everyCellOfTheMatrixHolds(Action action, String role, boolean allowed) {
    assertThat(perform(action, USERS.get(role))).as("%s por %s", action.label, role).isEqualTo(allowed);
  }

  @Test
  void aRequesterCompletesHisOwnVerificationButNotAnothersTicket() {
    String code = open("usuario2");
    String task = atVerification(code);
    assertThat(submit(task, "usuario1", verification()).status()).isIn(403, 404);
    assertThat(submit(task, "usuario2", verification()).status()).isEqualTo(204);
  }

  @Test
  void failedLoginsAreThrottled() {
    User user = identity.newUser("throttled");
    user.setPassword("una-clave-correcta");
    identity.saveUser(user);
    identity.createMembership("throttled", Roles.REQUESTERS);
    Instant now = Instant.now();
    ClockUtil.setCurrentTime(Date.from(now));  // the engine's clock stands still until moved below
    // From an address of this test's own: the throttle's counts per address outlive the test.
    String address = "192.0.2.32";
    try {
      assertThat(api.sendFrom(address, "GET", "/api/tickets", "throttled", "equivocada", null).status()).isEqualTo(401);
      // Right password, but too soon after a failure from this address: refused with 429 without
      // checking it, on /api and /engine-rest alike (LoginThrottle: 1 s after the first failure).
      Reply tooSoon = api.sendFrom(address, "GET", "/api/tickets", "throttled", "una-clave-correcta", null);
      assertThat(tooSoon.status()).isEqualTo(429);
      assertThat(tooSoon.header("Retry-After")).contains("1");
      assertThat(api.sendFrom(address, "GET", "/engine-rest/task", "throttled", "una-clave-correcta", null).status())
          .isEqualTo(429);
      ClockUtil.setCurrentTime(Date.from(now.plusSeconds(10)));
      assertThat(api.sendFrom(address, "GET", "/api/tickets", "throttled", "una-clave-correcta", null).status())
          .isEqualTo(200);
    } finally {
      ClockUtil.reset();
      identity.deleteUser("throttled");
    }
  }

  @Test
  void anAdministratorCannotApproveAReportFromTasklistEither() {
    String task = reportAtValidation();
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", "admin", "demo")).isEqualTo(200);
    var refused = session.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
        "{\"variables\": {\"reportApproved\": {\"value\": true, \"type\": \"Boolean\"}}}");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Solo el Jefe de la Oficina Asesora de Planeación");
    assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(1);
  }

  /**
   * What Tasklist offers follows the matrix (issue 13, point 4): its header lists only the apps the
   * user may open (the {@code authorizedApps} of his login), and the custom script
   * ({@code tasklist/scripts/mesa-lista}) shows «Create task» and «Start process» only to whom the
   * engine answers yes to the questions it asks here.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void tasklistOffersOnlyWhatTheRoleMayDo(String role) throws Exception {
    int column = new ArrayList<>(USERS.keySet()).indexOf(role);
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", USERS.get(role), "demo")).isEqualTo(200);

    var apps = JSON.readTree(session.get("/camunda/api/admin/auth/user/default").body()).get("authorizedApps");
    List<String> authorized = new ArrayList<>();
    apps.forEach(app -> authorized.add(app.asText()));
    assertThat(authorized.contains("cockpit")).as("Cockpit in the header of %s", role)
        .isEqualTo(Action.ENTER_COCKPIT.cells.charAt(column) == 'S');
    assertThat(authorized.contains("admin")).as("Admin in the header of %s", role)
        .isEqualTo(Action.ENTER_ADMIN.cells.charAt(column) == 'S');

    var createTask = JSON.readTree(session.get("/camunda/api/engine/engine/default/authorization/check"
        + "?permissionName=CREATE&resourceName=Task&resourceType=7").body());
    assertThat(createTask.get("authorized").asBoolean()).as("Create task for %s", role)
        .isEqualTo(Action.CREATE_STANDALONE_TASK.cells.charAt(column) == 'S');
    var startable = JSON.readTree(session.get("/camunda/api/engine/engine/default/process-definition/count"
        + "?latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true").body());
    assertThat(startable.get("count").asLong() > 0).as("Start process for %s", role)
        .isEqualTo(Action.OPEN_TICKET_TASKLIST.cells.charAt(column) == 'S');
  }

  /** A webapp page one may not open is refused with a page in Spanish, not Tomcat's bare English 403. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void aRefusedWebappPageExplainsItselfInSpanish(String role) {
    int column = new ArrayList<>(USERS.keySet()).indexOf(role);
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", USERS.get(role), "demo")).isEqualTo(200);
    for (var app : Map.of("cockpit", Action.ENTER_COCKPIT, "admin", Action.ENTER_ADMIN).entrySet()) {
      var page = session.send("GET", "/camunda/app/" + app.getKey() + "/default/", "text/html", null);
      if (app.getValue().cells.charAt(column) == 'S') {
        assertThat(page.statusCode()).as("%s for %s", app.getKey(), role).isEqualTo(200);
        continue;
      }
      assertThat(page.statusCode()).as("%s for %s", app.getKey(), role).isEqualTo(403);
      assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body()).contains("<html lang=\"es\">", "Acceso no permitido",
          "Su usuario no tiene permiso para abrir esta p&aacute;gina", "href=\"/camunda/app/tasklist/\"")
          .doesNotContain("HTTP Status 403");
    }
  }

  static Stream<String> roles() {
    return USERS.keySet().stream();
  }

  @Test
  void theWebappsKeepTheirCsrfProtection() {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", "usuario1", "demo")).isEqualTo(200);
    assertThat(session.post("/camunda/api/engine/engine/default/task/count", "{}").statusCode()).isEqualTo(200);
    assertThat(session.postWithoutCsrfToken("/camunda/api/engine/engine/default/task/count", "{}").statusCode())
        .isEqualTo(403);
  }

  // ------------------------------------------------------------------ the actions

  private boolean perform(Action action, String user) {
    return switch (action) {
      case OPEN_TICKET_API -> outcome(api.post("/api/tickets", user, ticket()), 201);
      case OPEN_TICKET_TASKLIST -> outcome(api.post("/engine-rest/process-definition/key/mesa-de-servicios/submit-form",
          user, Map.of("variables", typed(ticket()))), 200);
      case READ_OWN_TICKETS -> outcome(api.get("/api/tickets", user), 200);
      case READ_OTHERS_TICKET -> {
        Reply reply = api.get("/api/tickets/" + othersTicket, user);
        if (reply.status() != 200) assertThat(reply.body()).doesNotContain("usuario2");
        yield outcome(reply, 200);
      }
      case SEE_TOPIC_TASKS -> api.get("/engine-rest/task?processInstanceBusinessKey=" + othersTicket, user)
          .json().size() > 0;
      case CLAIM_TOPIC_TASK -> {
        String code = open("usuario2");
        String task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
        yield outcome(api.post("/engine-rest/task/" + task + "/claim", user, Map.of("userId", user)), 204);
      }
      case COMPLETE_OTHERS_VERIFICATION -> refusedOrDone(submit(atVerification(open("usuario2")), user,
          answer("SOLICITANTE")), 204);
      case RECORD_ANSWER_BY_PHONE -> outcome(submit(atVerification(open("usuario2")), user, answer("TELEFONO")), 204);
      case SEE_ALL_INSTANCES -> {
        WebappSession session = new WebappSession(port);
        assertThat(session.login("tasklist", user, "demo")).isEqualTo(200);
        String count = session.get("/camunda/api/engine/engine/default/process-instance/count").body();
        yield count.contains("\"count\":" + runtime.createProcessInstanceQuery().count() + "}");
      }
      case READ_HISTORY -> api.get("/engine-rest/history/process-instance/count", user).json().get("count").asLong()
          == history.createHistoricProcessInstanceQuery().count();
      case ENTER_TASKLIST -> new WebappSession(port).login("tasklist", user, "demo") == 200;
      case ENTER_COCKPIT -> new WebappSession(port).login("cockpit", user, "demo") == 200;
      case ENTER_ADMIN -> new WebappSession(port).login("admin", user, "demo") == 200;
      case CREATE_STANDALONE_TASK -> {
        String name = "Tarea suelta de " + user + " " + System.nanoTime();
        boolean allowed = outcome(api.post("/engine-rest/task/create", user, Map.of("name", name)), 204);
        tasks.createTaskQuery().taskName(name).list().forEach(t -> tasks.deleteTask(t.getId(), true));
        yield allowed;
      }
      case ADMINISTER_USERS -> {
        String id = "nuevo" + System.nanoTime() % 100000;
        boolean allowed = outcome(api.post("/engine-rest/user/create", user, Map.of(
            "profile", Map.of("id", id, "firstName", "N", "lastName", "U"),
            "credentials", Map.of("password", "una-clave-larga-123"))), 204);
        if (allowed) identity.deleteUser(id);
        yield allowed;
      }
      case DEPLOY -> {
        Reply reply = api.postFile("/engine-rest/deployment/create", user, "prueba.bpmn",
            Bpmn.convertToString(Bpmn.createExecutableProcess("prueba-" + user).camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done()));
        boolean allowed = outcome(reply, 200);
        if (allowed) repository.deleteDeployment(reply.json().get("id").asText(), true);
        yield allowed;
      }
      case QUERY_AUDIT -> outcome(api.get("/api/audit?ticket=" + othersTicket, user), 200)
          & outcome(api.get("/api/audit/export?ticket=" + othersTicket, user), 200);
      case LOGIN_THROTTLE -> outcome(api.get("/api/login-throttle", user), 200)
          & outcome(api.sendFrom("127.0.0.1", "DELETE", "/api/login-throttle?address=192.0.2.1", user, "demo", null), 200);
      case MASK_PERSONAL_DATA -> outcome(api.post("/api/tickets/" + closedTicket + "/personal-data/mask", user, Map.of()), 200);
      case REQUEST_REPORT -> {
        ReportPeriod quarter = nextQuarter();
        boolean allowed = outcome(api.post("/api/reports", user,
            Map.of("year", quarter.year(), "quarter", quarter.quarter())), 202);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(quarter.key()).count())
            .isEqualTo(allowed ? 1 : 0);
        yield allowed;
      }
      case READ_REPORTS -> outcome(api.get("/api/reports", user), 200);
      case KEEP_INVENTORY -> {
        String tag = ("RM-" + user + "-" + System.nanoTime() % 100000).toUpperCase();
        yield outcome(api.get("/api/assets?limit=1", user), 200)
            & outcome(api.post("/api/assets", user, Map.of("tag", tag, "kind", "COMPUTO", "description", "Portátil")), 201);
      }
      case KEEP_PROVIDERS -> {
        String code = ("RM-" + user + "-" + System.nanoTime() % 100000).toUpperCase();
        yield outcome(api.get("/api/providers", user), 200)
            & outcome(api.post("/api/providers", user, Map.of("code", code, "name", "Proveedor de prueba", "kind", "WEB",
                "contactEmail", "soporte@web.example.com", "topics", List.of("SOPORTE_WEB"), "channel", "EMAIL")), 201);
      }
      case APPROVE_REPORT -> {
        String task = reportAtValidation();
        boolean allowed = outcome(submit(task, user, Map.of("reportApproved", true)), 204);
        assertThat(tasks.createTaskQuery().taskId(task).count()).isEqualTo(allowed ? 0 : 1);
        yield allowed;
      }
    };
  }

  /** As {@link #outcome}, where a rule of the procedure may refuse as well (400): staff answer for nobody. */
  private static boolean refusedOrDone(Reply reply, int success) {
    if (reply.status() == success) return true;
    assertThat(reply.status()).as(reply.body()).isIn(400, 403, 404);
    return false;
  }

  /** Allowed if the expected status came back; denied only with 401, 403 or 404. */
  private static boolean outcome(Reply reply, int success) {
    if (reply.status() == success) return true;
    assertThat(reply.status()).as(reply.body()).isIn(403, 404);
    return false;
  }

  // ------------------------------------------------------------------ fixtures

  /** A different ended quarter for every report a cell asks for: one report per quarter at a time. */
  private static ReportPeriod nextQuarter() {
    return ReportQuarters.next();
  }

  /** A report waiting for the Jefe OAP's validation, requested by the technician. */
  private String reportAtValidation() {
    ReportPeriod quarter = nextQuarter();
    assertThat(api.post("/api/reports", "tecnico", Map.of("year", quarter.year(), "quarter", quarter.quarter()))
        .status()).isEqualTo(202);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(quarter.key())
        .singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ValidateReport")
        .singleResult().getId();
  }

  private String open(String requester) {
    Reply reply = api.post("/api/tickets", requester, ticket());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  /** Drives a ticket to the requester's verification without anybody's authentication. */
  private String atVerification(String code) {
    complete(code, Map.of("topicMatches", true));
    complete(code, Map.of("canResolve", true));
    complete(code, Map.of("solution", "Se reemplazó el cable de poder."));
    return tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult().getId();
  }

  private void complete(String code, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
    tasks.complete(task.getId(), variables);
  }

  private Reply submit(String task, String user, Map<String, Object> variables) {
    return api.post("/engine-rest/task/" + task + "/submit-form", user, Map.of("variables", typed(variables)));
  }

  static Map<String, Object> ticket() {
    return TicketRequests.support();
  }

  static Map<String, Object> answer(String channel) {
    Map<String, Object> answer = new HashMap<>(verification());
    answer.put("answerChannel", channel);
    return answer;
  }

  static Map<String, Object> verification() {
    return Map.of("satisfied", true, "satisfactionScore", 4L, "verificationComment", "Bien");
  }

  static Map<String, Object> typed(Map<String, Object> values) {
    Map<String, Object> typed = new HashMap<>();
    values.forEach((k, v) -> typed.put(k, Map.of("value", v, "type",
        v instanceof Boolean ? "Boolean" : v instanceof Long ? "Long" : "String")));
    return typed;
  }
}
