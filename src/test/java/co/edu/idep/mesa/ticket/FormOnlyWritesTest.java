package co.edu.idep.mesa.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Nothing outside a task's own form changes a ticket. Every probe of the issue that found the hole
 * — re-routing a ticket to another group, handing it to another requester, opening one in someone
 * else's name, markup past validation, a code that breaks a constraint — is replayed through each
 * entry point (Tasklist's engine API, {@code /engine-rest} submit-form, complete, start, the
 * variable endpoints, modification, messages), by the requester, an agent of the task's group and
 * the task's assignee. Each is refused, and the ticket record, the process variables, the candidate
 * groups and the timeline are exactly as before.
 */
@ApplicationTest
class FormOnlyWritesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  /** A second technician: an agent of the task's group who does not hold it. */
  static final String OTHER_AGENT = "tecnicoprueba";
  static final String REQUESTER = "usuario1";
  static final String ASSIGNEE = "tecnico";

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired JdbcClient jdbc;

  ApiClient api;
  String code;
  String processInstanceId;
  String taskId;

  @BeforeEach
  void aTicketAtVerificarElTema() {
    api = new ApiClient(port);
    if (identity.createUserQuery().userId(OTHER_AGENT).count() == 0) {
      User user = identity.newUser(OTHER_AGENT);
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(OTHER_AGENT, Roles.TECHNICIAN);
    }
    Reply created = api.post("/api/tickets", REQUESTER, TicketRequests.support());
    assertThat(created.status()).isEqualTo(201);
    code = created.json().get("code").asText();
    processInstanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    taskId = api.taskId(code, "Task_ReviewTopic");
    assertThat(api.post("/engine-rest/task/" + taskId + "/claim", ASSIGNEE, Map.of("userId", ASSIGNEE)).status())
        .isEqualTo(204);
  }

  @AfterEach
  void removeTheSecondTechnician() {
    identity.deleteUser(OTHER_AGENT);
  }

  /** What the tampering would have changed: the record, the variables, the groups, the timeline. */
  Map<String, Object> state() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("record", jdbc.sql("select topic, requester, assigned_group, priority, state, description, details "
        + "from ticket where code = ?").param(code).query().listOfRows());
    Map<String, String> variables = new TreeMap<>();
    runtime.getVariables(processInstanceId).forEach((k, v) -> variables.put(k, String.valueOf(v)));
    state.put("variables", variables);
    state.put("candidateGroups", tasks.getIdentityLinksForTask(taskId).stream()
        .map(l -> l.getType() + ":" + l.getGroupId() + ":" + l.getUserId()).sorted().toList());
    state.put("task", tasks.createTaskQuery().taskId(taskId).list().stream()
        .map(t -> List.of(String.valueOf(t.getName()), String.valueOf(t.getAssignee()), String.valueOf(t.getOwner()),
            t.getPriority(), String.valueOf(t.getDelegationState())))
        .toList());
    state.put("timeline", jdbc.sql("select kind, body from ticket_note where ticket_code = ? order by id")
        .param(code).query().listOfRows());
    state.put("instances", runtime.createProcessInstanceQuery().processDefinitionKey(TicketVariables.PROCESS_KEY).count());
    state.put("tickets", jdbc.sql("select count(*) from ticket").query(Long.class).single());
    return state;
  }

  static String typed(Object value, String type) {
    try {
      return JSON.writeValueAsString(Map.of("value", value, "type", type));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The re-routing submission: a confirmed topic plus fields the form does not let him edit. */
  static String tamperedSubmission() {
    return """
        {"variables": {
          "topicMatches": {"value": true, "type": "Boolean"},
          "candidateGroup": {"value": "usuarios", "type": "String"},
          "topic": {"value": "SOPORTE_WEB", "type": "String"},
          "requester": {"value": "usuario2", "type": "String"},
          "description": {"value": "<script>alert(1)</script>", "type": "String"},
          "ticketCode": {"value": "MDS-1999-000001", "type": "String"}}}""";
  }

  record Probe(String name, String method, String path, String body) {}

  List<Probe> taskProbes() {
    String task = "/engine-rest/task/" + taskId;
    String instance = "/engine-rest/process-instance/" + processInstanceId;
    String modification = "{\"modifications\": {\"candidateGroup\": " + typed("usuarios", "String") + "}}";
    return List.of(
        new Probe("PUT task variable", "PUT", task + "/variables/requester", typed("usuario2", "String")),
        new Probe("PUT task local variable", "PUT", task + "/localVariables/topic", typed("SOPORTE_WEB", "String")),
        new Probe("POST task variables", "POST", task + "/variables", modification),
        new Probe("DELETE task variable", "DELETE", task + "/variables/topic", null),
        new Probe("PUT instance variable", "PUT", instance + "/variables/candidateGroup", typed("usuarios", "String")),
        new Probe("POST instance variables", "POST", instance + "/variables", modification),
        new Probe("POST execution local variables", "POST", "/engine-rest/execution/" + processInstanceId + "/localVariables",
            modification),
        new Probe("submit-form", "POST", task + "/submit-form", tamperedSubmission()),
        new Probe("complete", "POST", task + "/complete", tamperedSubmission()),
        new Probe("add a candidate group", "POST", task + "/identity-links",
            "{\"groupId\": \"usuarios\", \"type\": \"candidate\"}"),
        new Probe("remove the candidate group", "POST", task + "/identity-links/delete",
            "{\"groupId\": \"tecnico-operativo\", \"type\": \"candidate\"}"),
        new Probe("assign to another requester", "POST", task + "/assignee", "{\"userId\": \"usuario2\"}"),
        new Probe("delegate to another requester", "POST", task + "/delegate", "{\"userId\": \"usuario2\"}"),
        new Probe("rewrite the task", "PUT", task,
            "{\"name\": \"Otra tarea\", \"assignee\": \"usuario2\", \"owner\": \"usuario2\", \"priority\": 1}"),
        new Probe("modification", "POST", instance + "/modification",
            "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_VerifySolution\"}]}"),
        new Probe("message", "POST", "/engine-rest/message", "{\"messageName\": \"cualquiera\", \"processInstanceId\": \""
            + processInstanceId + "\", \"processVariables\": {\"requester\": " + typed("usuario2", "String") + "}}"));
  }

  static Stream<Arguments> people() {
    return Stream.of(Arguments.of(REQUESTER), Arguments.of(OTHER_AGENT), Arguments.of(ASSIGNEE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("people")
  void noTaskProbeChangesTheTicket(String person) {
    Map<String, Object> before = state();
    for (Probe probe : taskProbes()) {
      Reply reply = api.send(probe.method(), probe.path(), person, probe.body());
      assertRefused(probe.name() + " por " + person, reply.status(), reply.body());
      assertThat(state()).as(probe.name() + " por " + person).isEqualTo(before);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("people")
  void tasklistsOwnEngineApiRefusesTheTamperedForm(String person) {
    Map<String, Object> before = state();
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", person, "demo")).isEqualTo(200);
    HttpResponse<String> reply =
        session.post("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form", tamperedSubmission());
    assertRefused("Tasklist por " + person, reply.statusCode(), reply.body());
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void theAssigneeIsToldInSpanishWhichFieldsHeMayNotSend() {
    Reply reply = api.send("POST", "/engine-rest/task/" + taskId + "/submit-form", ASSIGNEE, tamperedSubmission());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText())
        // The group is no field of the form; the requester is one it shows read-only.
        .contains("«candidateGroup» no se puede enviar", "solo se puede consultar")
        .doesNotContain("Exception", "SQL", "ENGINE-");
  }

  @Test
  void theFormAsTasklistSendsItWithItsReadOnlyFieldsUnchangedIsAccepted() {
    Map<String, Object> variables = runtime.getVariables(processInstanceId);
    String body = "{\"variables\": {"
        + "\"ticketCode\": " + typed(code, "String") + ", "
        + "\"requester\": " + typed(variables.get("requester"), "String") + ", "
        + "\"topic\": " + typed(variables.get("topic"), "String") + ", "
        + "\"subject\": " + typed(variables.get("subject"), "String") + ", "
        + "\"topicMatches\": " + typed(true, "Boolean") + "}}";
    Reply reply = api.send("POST", "/engine-rest/task/" + taskId + "/submit-form", ASSIGNEE, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void aTicketIsOpenedInTheCallersNameWhateverTheEntryPoint() {
    Map<String, Object> before = state();
    String start = "/engine-rest/process-definition/key/" + TicketVariables.PROCESS_KEY;
    Map<String, Object> fields = new LinkedHashMap<>();
    TicketRequests.support().forEach((k, v) -> fields.put(k, Map.of("value", v, "type", "String")));

    for (String extra : List.of("requester", "ticketCode", "candidateGroup")) {
      Map<String, Object> variables = new LinkedHashMap<>(fields);
      variables.put(extra, Map.of("value", extra.equals("ticketCode") ? "MDS-1999-000001" : "jefe", "type", "String"));
      for (String endpoint : List.of("/start", "/submit-form")) {
        Reply reply = api.post(start + endpoint, REQUESTER, Map.of("variables", variables));
        assertThat(reply.status()).as(extra + " en " + endpoint + ": " + reply.body()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).doesNotContain("Exception", "SQL", "constraint");
      }
      WebappSession session = new WebappSession(port);
      session.login("tasklist", REQUESTER, "demo");
      String definition = api.get(start, REQUESTER).json().get("id").asText();
      HttpResponse<String> tasklist = session.post("/camunda/api/engine/engine/default/process-definition/"
          + definition + "/submit-form", json(Map.of("variables", variables)));
      assertThat(tasklist.statusCode()).as(extra + " en Tasklist: " + tasklist.body()).isEqualTo(400);
    }
    // Skipping registration by starting further on is kept to administrators.
    Reply skipping = api.post(start + "/start", REQUESTER, Map.of("variables", fields,
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_VerifySolution"))));
    assertRefused("startInstructions", skipping.status(), skipping.body());
    assertThat(state()).isEqualTo(before);

    // The same start with the start form's fields alone opens a ticket, in the caller's name.
    Reply opened = api.post(start + "/start", REQUESTER, Map.of("variables", fields));
    assertThat(opened.status()).as(opened.body()).isEqualTo(200);
    String newCode = runtime.createProcessInstanceQuery().processInstanceId(opened.json().get("id").asText())
        .singleResult().getBusinessKey();
    assertThat(jdbc.sql("select requester from ticket where code = ?").param(newCode).query(String.class).single())
        .isEqualTo(REQUESTER);
  }

  @Test
  void aJavaSerializedObjectIsAFourHundredNotAFiveHundred() {
    Map<String, Object> variables = new LinkedHashMap<>();
    TicketRequests.support().forEach((k, v) -> variables.put(k, Map.of("value", v, "type", "String")));
    variables.put("subject", Map.of("value", "rO0ABXQABGhvbGE=", "type", "Object",
        "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/x-java-serialized-object")));
    Reply reply = api.post("/engine-rest/process-definition/key/" + TicketVariables.PROCESS_KEY + "/start", REQUESTER,
        Map.of("variables", variables));
    assertThat(reply.status()).as(reply.body()).isBetween(400, 499);
  }

  @Test
  void anAdministratorMayChangeAVariableAndTheAuditTrailSaysSo() {
    Reply changed = api.send("PUT", "/engine-rest/process-instance/" + processInstanceId + "/variables/priority", "admin",
        typed("ALTA", "String"));
    assertThat(changed.status()).as(changed.body()).isEqualTo(204);
    Reply audit = api.get("/api/audit?ticket=" + code, "jefe");
    assertThat(audit.json().findValuesAsText("action")).contains("Modificó una variable");
  }

  static void assertRefused(String what, int status, String body) {
    assertThat(status).as(what + ": " + body).isIn(400, 403, 404);
    assertThat(body == null ? "" : body).as(what).doesNotContain("SQL", "constraint", "at org.", "at co.");
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
