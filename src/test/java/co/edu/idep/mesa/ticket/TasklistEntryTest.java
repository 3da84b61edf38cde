package co.edu.idep.mesa.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.edu.idep.mesa.servicelevel.ServiceLevelKind;
import co.edu.idep.mesa.servicelevel.ServiceLevels;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, point 2: a help-desk task's entry in Tasklist names its ticket (code, subject, requester,
 * priority, and the due time of the service level of the task's phase), and searching Tasklist by
 * the code finds the ticket's tasks. Asked as Tasklist asks: the webapps' own engine API, logged in
 * as the person, {@code POST filter/{id}/list} with HAL and the search box's criteria.
 */
@ApplicationTest
class TasklistEntryTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Tasklist's dates: {@code 2026-11-30T10:15:00.000-0500}. */
  private static final DateTimeFormatter TASKLIST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @LocalServerPort int port;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired ServiceLevels serviceLevels;
  @Autowired TasklistEntry tasklistEntry;

  @Test
  void everyFilterShowsCodeSubjectRequesterAndPriority() {
    List<Filter> all = filters.createFilterQuery().list();
    assertThat(all).extracting(Filter::getName).contains("Mis tareas", "Tareas de mis grupos");
    for (Filter filter : all) {
      assertThat(filter.getProperties().get("variables")).as(filter.getName()).isEqualTo(List.of(
          Map.of("name", "listCode", "label", "Código"),
          Map.of("name", "listSubject", "label", "Asunto"),
          Map.of("name", "listRequester", "label", "Solicitante"),
          Map.of("name", "listPriority", "label", "Prioridad")));
    }
  }

  @Test
  void theTechniciansListEntryNamesTheTicketAndItsFirstAttentionDue() throws Exception {
    String subject = "Impresora sin tóner " + UUID.randomUUID().toString().substring(0, 8);
    String code = open("usuario1", subject);

    JsonNode list = list("tecnico", "Tareas de mis grupos", Map.of("processInstanceBusinessKey", code));

    assertThat(list.path("count").asLong()).isEqualTo(1);
    JsonNode task = list.path("_embedded").path("task").get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_ReviewTopic");
    assertThat(variables(task)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "listCode", code, "listSubject", subject, "listRequester", "usuario1", "listPriority", "Alta"));
    // Support tickets are ALTA: due when the first attention is (working hours), as Tasklist shows it.
    assertThat(instant(task.path("due").asText())).isEqualTo(due(code, ServiceLevelKind.FIRST_ATTENTION));
  }

  @Test
  void theNextTasksAreDueWhenTheResolutionIs() throws Exception {
    String code = open("usuario1", "Monitor apagado " + UUID.randomUUID().toString().substring(0, 8));
    ApiClient api = new ApiClient(port);
    api.complete(code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", ApiClient.value(true, "Boolean")));

    JsonNode list = list("tecnico", "Tareas de mis grupos", Map.of("processInstanceBusinessKey", code));

    JsonNode task = list.path("_embedded").path("task").get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_EvaluateTechnicalSupport");
    assertThat(variables(task)).containsEntry("listCode", code).containsEntry("listPriority", "Alta");
    assertThat(instant(task.path("due").asText())).isEqualTo(due(code, ServiceLevelKind.RESOLUTION));
  }

  @Test
  void searchingByTheCodeFindsTheTicketsTasksAndNoOther() throws Exception {
    String code = open("usuario1", "Teclado dañado " + UUID.randomUUID().toString().substring(0, 8));
    String other = open("usuario2", "Mouse dañado " + UUID.randomUUID().toString().substring(0, 8));
    String number = code.substring(code.lastIndexOf('-') + 1);

    // The search box's criteria, as Tasklist sends them: «Business Key» = and like (Tasklist puts
    // the % around what was typed; the custom script makes it what typed text searches by), the
    // task variable «Código», and the process variable the code also is.
    List<Map<String, Object>> searches = List.of(
        Map.of("processInstanceBusinessKey", code),
        Map.of("processInstanceBusinessKeyLike", "%" + code + "%"),
        Map.of("processInstanceBusinessKeyLike", "%" + number + "%"),
        Map.of("taskVariables", List.of(Map.of("name", "listCode", "operator", "eq", "value", code))),
        Map.of("processVariables", List.of(Map.of("name", "ticketCode", "operator", "eq", "value", code))));
    for (Map<String, Object> search : searches) {
      JsonNode list = list("tecnico", "Tareas de mis grupos", search);
      assertThat(list.path("_embedded").path("task").findValuesAsText("id")).as("%s", search)
          .containsExactly(taskOf(code).getId());
    }
    assertThat(taskOf(other)).isNotNull();
  }

  @Test
  void theRequesterSeesHisVerificationByCodeWithItsDeadline() throws Exception {
    String subject = "Pantalla azul " + UUID.randomUUID().toString().substring(0, 8);
    String code = open("usuario1", subject);
    ApiClient api = new ApiClient(port);
    api.complete(code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", ApiClient.value(true, "Boolean")));
    api.complete(code, "Task_EvaluateTechnicalSupport", "tecnico", Map.of("canResolve", ApiClient.value(true, "Boolean")));
    api.complete(code, "Task_ResolveTechnicalSupport", "tecnico",
        Map.of("solution", ApiClient.value("Se reinstaló el controlador de video.", "String")));

    JsonNode list = list("usuario1", "Mis tareas", Map.of("processInstanceBusinessKey", code));

    JsonNode task = list.path("_embedded").path("task").get(0);
    assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("Task_VerifySolution");
    assertThat(variables(task)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "listCode", code, "listSubject", subject, "listRequester", "usuario1", "listPriority", "Alta"));
    // Due when the ticket closes without his answer (the interrupting timer's own date).
    assertThat(task.path("due").isNull()).isFalse();
    assertThat(instant(task.path("due").asText())).isAfter(Instant.now());
  }

  @Test
  void anotherRequesterFindsNothingByTheCode() throws Exception {
    String code = open("usuario2", "Correo lento " + UUID.randomUUID().toString().substring(0, 8));
    assertThat(list("usuario1", "Tareas de mis grupos", Map.of("processInstanceBusinessKey", code))
        .path("count").asLong()).isZero();
    assertThat(list("usuario1", "Mis tareas", Map.of("processInstanceBusinessKey", code))
        .path("count").asLong()).isZero();
  }

  /**
   * A task of a process that lacks the ticket's variables (the loan's return: only code and
   * requester) takes the rest from the ticket's record, found by the code.
   */
  @Test
  void whatTheProcessLacksComesFromTheTicketsRecord() {
    String subject = "Préstamo de portátil " + UUID.randomUUID().toString().substring(0, 8);
    String code = open("usuario1", subject);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariable("ticketCode")).thenReturn(code);
    when(task.getVariable("requester")).thenReturn("usuario1");

    tasklistEntry.notify(task);

    verify(task).setVariableLocal("listCode", code);
    verify(task).setVariableLocal("listSubject", subject);
    verify(task).setVariableLocal("listRequester", "usuario1");
    verify(task).setVariableLocal("listPriority", "Alta");
  }

  /**
   * Cockpit's list of a process's instances (the Jefe OAP's view) carries each instance's business
   * key in its own column: the ticket's code.
   */
  @Test
  void cockpitListsTheInstanceUnderItsCode() throws Exception {
    String code = open("usuario1", "Proyector sin imagen " + UUID.randomUUID().toString().substring(0, 8));
    Task task = taskOf(code);
    WebappSession jefe = new WebappSession(port);
    assertThat(jefe.login("cockpit", "jefe", "demo")).isEqualTo(200);

    // As Cockpit's process definition page loads its instance table.
    var response = jefe.send("POST", "/camunda/api/cockpit/plugin/base/default/process-instance"
        + "?firstResult=0&maxResults=500&sortBy=startTime&sortOrder=desc", "application/json",
        JSON.writeValueAsString(Map.of("processDefinitionId", task.getProcessDefinitionId())));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode instance = null;
    for (JsonNode row : JSON.readTree(response.body())) {
      if (row.path("id").asText().equals(task.getProcessInstanceId())) instance = row;
    }
    assertThat(instance).as("the ticket's instance in Cockpit's list").isNotNull();
    assertThat(instance.path("businessKey").asText()).isEqualTo(code);
  }

  // ------------------------------------------------------------------ helpers

  private String open(String requester, String subject) {
    Map<String, Object> body = new HashMap<>(TicketRequests.support());
    body.put("subject", subject);
    Reply reply = new ApiClient(port).post("/api/tickets", requester, body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().get("code").asText();
  }

  /** The filter's list as Tasklist loads it: its own query extended by the search, with HAL. */
  private JsonNode list(String user, String filterName, Map<String, Object> search) throws Exception {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", user, "demo")).isEqualTo(200);
    String id = filters.createFilterQuery().filterName(filterName).singleResult().getId();
    Map<String, Object> query = new LinkedHashMap<>(Map.of("processVariables", List.of(), "taskVariables", List.of(),
        "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))));
    query.putAll(search);
    var response = session.send("POST", "/camunda/api/engine/engine/default/filter/" + id
        + "/list?firstResult=0&maxResults=15", "application/hal+json", JSON.writeValueAsString(query));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Map<String, String> variables(JsonNode task) {
    Map<String, String> values = new HashMap<>();
    task.path("_embedded").path("variable").forEach(v -> values.put(v.path("name").asText(), v.path("value").asText()));
    return values;
  }

  private Task taskOf(String code) {
    return tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
  }

  private Instant due(String code, ServiceLevelKind kind) {
    return serviceLevels.status(code, kind).orElseThrow().dueAt().toInstant();
  }

  private static Instant instant(String tasklistDate) {
    return OffsetDateTime.parse(tasklistDate, TASKLIST_DATE).toInstant();
  }
}
