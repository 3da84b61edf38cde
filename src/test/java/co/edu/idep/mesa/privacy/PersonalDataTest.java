package co.edu.idep.mesa.privacy;

import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.report.ReportFigures;
import co.edu.idep.mesa.report.ReportPeriod;
import co.edu.idep.mesa.report.ReportRepository;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ley 1581 de 2012 on the running application: identification numbers and phones never reach the
 * logs, history expires after the configured time-to-live and is removed by the history cleanup,
 * and a closed ticket's personal fields can be masked without losing the ticket.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTest {

  private static final java.util.concurrent.atomic.AtomicLong PEOPLE = new java.util.concurrent.atomic.AtomicLong();
  /** A person of its own per test: the directory of the shared application keeps every account. */
  final String ID_NUMBER = String.valueOf(1_019_000_000L + System.nanoTime() % 900_000L * 1000 + PEOPLE.incrementAndGet() % 1000);
  static final String PHONE = "3157654321";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired JdbcClient jdbc;
  @Autowired ReportRepository reports;
  @Autowired AssetRepository assets;
  @Value("${mesa.history.time-to-live-days}") int configuredTimeToLive;

  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void aWholeAccountRequestLeavesNoIdentificationNumberOrPhoneInTheLogs(CapturedOutput output) {
    ApiClient api = new ApiClient(port);
    // A refused request, a refused task answer and a full path to closure, all with personal data.
    Map<String, Object> bad = account();
    bad.put("alternateEmail", "no-es-un-correo");
    assertThat(api.post("/api/tickets", "usuario1", bad).status()).isEqualTo(400);
    String code = closedAccountTicket(api);

    assertThat(api.get("/api/tickets/" + code, "usuario1").json().get("state").asText()).isEqualTo("CERRADO");
    // The capture saw the application log the refused request, by field name and nothing personal with it.
    assertThat(output.getAll()).contains("Refused /api request: invalid fields [alternateEmail]")
        .doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain("315 765 4321");
  }

  @Test
  void theHeadOfTheOfficeMasksAClosedTicketsPersonalData() {
    ApiClient api = new ApiClient(port);
    String open = api.post("/api/tickets", "usuario1", account()).json().get("code").asText();
    Reply notYet = api.post("/api/tickets/" + open + "/personal-data/mask", "jefe", Map.of());
    assertThat(notYet.status()).isEqualTo(409);
    assertThat(notYet.json().get("message").asText()).contains("ticket cerrado");

    String code = closedAccountTicket(api);
    long tickets = jdbc.sql("select count(*) from ticket where topic = 'CUENTA_USUARIO'").query(Long.class).single();
    ReportPeriod quarter = ReportPeriod.containing(LocalDate.now(BOGOTA));
    ReportFigures before = reports.figures(quarter.start(BOGOTA), quarter.end(BOGOTA));
    assertThat(before.closed()).isPositive();
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("idNumber").count()).isEqualTo(1);

    Reply masked = api.post("/api/tickets/" + code + "/personal-data/mask", "jefe", Map.of());

    assertThat(masked.status()).isEqualTo(200);
    JsonNode ticket = api.get("/api/tickets/" + code, "jefe").json();
    for (String field : List.of("fullName", "idNumber", "alternateEmail", "mobilePhone", "contractNumber", "institutionalEmail")) {
      if (ticket.get("fields").has(field)) assertThat(ticket.get("fields").get(field).asText()).as(field).isEqualTo(PersonalDataMasking.MASK);
    }
    assertThat(ticket.toString()).doesNotContain(ID_NUMBER, PHONE, "diana.suarez@example.org", "dsuarez@idep.edu.co");
    assertThat(ticket.get("topic").asText()).isEqualTo("CUENTA_USUARIO");
    assertThat(ticket.get("state").asText()).isEqualTo("CERRADO");
    assertThat(ticket.get("timeline").findValuesAsText("kind")).contains("CUENTA_CREADA", "DATOS_ENMASCARADOS");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableNameIn(PersonalDataMasking.PERSONAL_FIELDS.toArray(String[]::new)).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("topic").count()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from ticket where topic = 'CUENTA_USUARIO'").query(Long.class).single()).isEqualTo(tickets);
    // The quarterly report's figures of the quarter are exactly what they were before masking.
    assertThat(reports.figures(quarter.start(BOGOTA), quarter.end(BOGOTA))).isEqualTo(before);
  }

  @Test
  void historyKeepsTheLatestValuesButNoPerChangeCopiesOfThem() {
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel().getName())
        .isEqualTo(FullHistoryWithoutVariableDetails.NAME);
    ApiClient api = new ApiClient(port);
    String code = closedAccountTicket(api);
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();

    assertThat(history.createHistoricDetailQuery().processInstanceId(instance).list())
        .extracting(d -> d.getClass().getSimpleName() + ":" + d.toString()).isEmpty();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("idNumber")
        .singleResult().getValue()).isEqualTo(ID_NUMBER);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count()).isPositive();
    // The assignment table is evaluated in memory: the ticket record and its timeline keep what it gave.
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
        .activityType("businessRuleTask").count()).isEqualTo(1);
    // The audit trail's source: who claimed and completed each task.
    assertThat(history.createUserOperationLogQuery().processInstanceId(instance)
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count()).isPositive();
  }

  @Test
  void historyOfFinishedTicketsIsRemovedOnceItsConfiguredTimeToLiveHasPassed() {
    assertThat(timeToLive()).isEqualTo(configuredTimeToLive);
    // As a start with mesa.history.time-to-live-days=30 would apply it, on the shared application for
    // this test only: a ticket closed meanwhile expires in 30 days, every other one keeps its own.
    new HistoryRetention(repository, 30).run(null);
    String code;
    try {
      assertThat(timeToLive()).isEqualTo(30);
      code = closedAccountTicket(new ApiClient(port));
    } finally {
      new HistoryRetention(repository, configuredTimeToLive).run(null);
    }

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(29, ChronoUnit.DAYS)));
    runCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(31, ChronoUnit.DAYS)));
    runCleanup();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count()).isZero();
    assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals("ticketCode", code).count()).isZero();
    // The institute's own record of the ticket stays: the reports count it.
    assertThat(jdbc.sql("select count(*) from ticket where code = ?").param(code).query(Long.class).single()).isEqualTo(1);
  }

  private Integer timeToLive() {
    return repository.createProcessDefinitionQuery().processDefinitionKey("mesa-de-servicios").latestVersion()
        .singleResult().getHistoryTimeToLive();
  }

  @Test
  void theCleanupRunsInTheNightlyWindow() {
    Calendar noon = Calendar.getInstance();
    noon.set(Calendar.HOUR_OF_DAY, 12);
    noon.set(Calendar.MINUTE, 0);
    ClockUtil.setCurrentTime(noon.getTime());

    Job job = history.cleanUpHistoryAsync();

    Calendar due = Calendar.getInstance();
    due.setTime(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate());
    assertThat(due.get(Calendar.HOUR_OF_DAY)).isEqualTo(22);
    assertThat(due.get(Calendar.MINUTE)).isZero();
  }

  @Test
  void maskingALoanTicketMasksWhoReceivedTheEquipmentAndDeletesTheExitForm() {
    ApiClient api = new ApiClient(port);
    String tag = "MASK-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    assets.insert(new Asset(tag, AssetKind.COMPUTO, "Portátil", null, "SN-" + tag, null, AssetState.DISPONIBLE,
        java.time.Instant.now()));
    Map<String, Object> request = co.edu.idep.mesa.support.TicketRequests.loan();
    request.putAll(Map.of("idNumber", ID_NUMBER, "leavesInstitute", true, "quantity", 1));
    String code = api.post("/api/tickets", "usuario1", request).json().get("code").asText();
    complete(api, code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", value(true, "Boolean")));
    complete(api, code, "Task_PrepareEquipment", "tecnico", Map.of("chosenAssets", value("[\"" + tag + "\"]", "Json")));
    runJob(code, "Task_ReserveEquipment");
    runJob(code, "Task_GenerateExitForm");
    assertThat(api.get("/api/tickets/" + code + "/documents", "usuario1").json()).hasSize(1);
    complete(api, code, "Task_DeliverEquipment", "tecnico", Map.of("receivedBy", value("Rosa Peña Quintero", "String")));
    runJob(code, "Event_LoanHandedOver");
    complete(api, code, "Task_VerifySolution", "usuario1", Map.of("satisfied", value(true, "Boolean"),
        "satisfactionScore", value(5, "Long")));
    assertThat(api.get("/api/tickets/" + code, "jefe").body()).contains("Rosa Peña Quintero", ID_NUMBER);

    assertThat(api.post("/api/tickets/" + code + "/personal-data/mask", "jefe", Map.of()).status()).isEqualTo(200);

    assertThat(api.get("/api/tickets/" + code, "jefe").body()).doesNotContain("Rosa Peña Quintero", ID_NUMBER);
    assertThat(api.get("/api/loans/" + code, "jefe").json().get("receivedBy").asText()).isEqualTo(PersonalDataMasking.MASK);
    assertThat(api.get("/api/tickets/" + code + "/documents", "usuario1").json()).isEmpty();
    // The loan itself goes on: its assets are still out until they come back.
    assertThat(api.get("/api/loans/" + code, "jefe").json().get("state").asText()).isEqualTo("ACTIVO");
  }

  private void runJob(String code, String activity) {
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code)
        .processDefinitionKey("mesa-de-servicios").singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId(activity)
        .singleResult().getId());
  }

  private void runCleanup() {
    Job job = history.cleanUpHistoryAsync(true);
    management.executeJob(job.getId());
  }

  Map<String, Object> account() {
    Map<String, Object> body = new HashMap<>();
    body.put("topic", "CUENTA_USUARIO");
    body.put("subject", "Cuenta de red y correo");
    body.put("description", "Nueva funcionaria de la Subdirección Académica.");
    body.put("fullName", "Diana Suárez");
    body.put("idType", "CC");
    body.put("idNumber", ID_NUMBER);
    body.put("linkType", "FUNCIONARIO");
    body.put("alternateEmail", "diana.suarez@example.org");
    body.put("mobilePhone", "315 765 4321");
    body.put("accesses", List.of("RED", "CORREO"));
    return body;
  }

  private String closedAccountTicket(ApiClient api) {
    String code = api.post("/api/tickets", "usuario1", account()).json().get("code").asText();
    complete(api, code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", value(true, "Boolean")));
    // A refused answer first: an identification number that is not a number.
    String task = api.taskId(code, "Task_ReviewAccountRequest");
    assertThat(api.post("/engine-rest/task/" + task + "/claim", "tecnico", Map.of("userId", "tecnico")).status()).isEqualTo(204);
    assertThat(api.submit(task, "tecnico", Map.of("accountApproved", value(true, "Boolean"),
        "idNumber", value("X" + ID_NUMBER, "String"))).status()).isEqualTo(400);
    assertThat(api.submit(task, "tecnico", Map.of("accountApproved", value(true, "Boolean"))).status()).isEqualTo(204);
    // The job executor is off in tests: the provisioning job runs here, as it would there.
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).activityId("Task_ProvisionAccount")
        .singleResult().getId());
    // Only who may hand the credentials over sees the password: not the requester.
    Reply refused = api.post("/api/tickets/" + code + "/account/password", "usuario1", Map.of());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body()).contains("entrega de credenciales pendiente").doesNotContain("password\"");
    // A form of another site cannot send JSON: without it nothing is set.
    assertThat(api.postForm("/api/tickets/" + code + "/account/password", "tecnico").status()).isEqualTo(415);
    Reply revealed = api.post("/api/tickets/" + code + "/account/password", "tecnico", Map.of());
    assertThat(revealed.status()).isEqualTo(200);
    assertThat(revealed.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    complete(api, code, "Task_HandOverCredentials", "tecnico", Map.of(
        "credentialsPolicySigned", value(true, "Boolean"),
        "credentialsSignedOn", value(java.time.LocalDate.now(java.time.ZoneId.of("America/Bogota")).toString(), "String")));
    complete(api, code, "Task_VerifySolution", "usuario1", Map.of("satisfied", value(true, "Boolean"),
        "satisfactionScore", value(5, "Long")));
    return code;
  }

  private static void complete(ApiClient api, String code, String key, String user, Map<String, Object> variables) {
    api.complete(code, key, user, variables);
  }

  private static Map<String, Object> value(Object value, String type) {
    return ApiClient.value(value, type);
  }
}
