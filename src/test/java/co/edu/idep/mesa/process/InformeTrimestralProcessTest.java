package co.edu.idep.mesa.process;

import static co.edu.idep.mesa.process.ProcessDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import co.edu.idep.mesa.report.QuarterlyReport;
import co.edu.idep.mesa.report.QuarterlyReports;
import co.edu.idep.mesa.report.ReportInProgressException;
import co.edu.idep.mesa.report.ReportPeriod;
import co.edu.idep.mesa.report.ReportRepository;
import co.edu.idep.mesa.report.ReportState;
import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives every path of processes/informe-trimestral.bpmn (steps 15-16) with the real delegates,
 * listeners and database: the quarterly timer, a person's request, approval, return and
 * correction, and the rule that only the Jefe OAP decides. Coverage must be 100 %.
 */
@ProcessTest
class InformeTrimestralProcessTest {

  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired QuarterlyReports reports;
  @Autowired ReportRepository repository;
  @Autowired JdbcClient jdbc;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, identity);
  }

  @Test
  void theQuarterlyTimerReportsTheQuarterThatEndedAndTheJefeApprovesIt() {
    Job timer = management.createJobQuery().processDefinitionKey(QuarterlyReports.PROCESS_KEY).timers().singleResult();
    Calendar due = Calendar.getInstance(TimeZone.getDefault());
    due.setTime(timer.getDuedate());
    assertThat(due.get(Calendar.DAY_OF_MONTH)).isEqualTo(1);
    assertThat(due.get(Calendar.MONTH)).isIn(Calendar.JANUARY, Calendar.APRIL, Calendar.JULY, Calendar.OCTOBER);
    assertThat(due.get(Calendar.HOUR_OF_DAY)).isEqualTo(6);

    management.executeJob(timer.getId());

    ReportPeriod ended = ReportPeriod.before(LocalDate.now(BOGOTA));
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(ended.key()).singleResult();
    assertThat(pi).isWaitingAt("Task_GenerateReport").hasPassed("StartEvent_QuarterBegan");
    execute(job(pi));

    assertThat(pi).isWaitingAt("Task_ValidateReport");
    assertThat(task("Task_ValidateReport", pi)).hasCandidateGroup("jefe-oap");
    assertThat(pi).variables().containsEntry("reportKey", ended.key()).containsEntry("reportVersion", 1L);
    assertThat((String) runtime.getVariable(pi.getId(), "reportSummary"))
        .startsWith("Informe de la Mesa de Servicios — " + ended.label())
        .contains("Tickets abiertos en el trimestre: 0", "Calificación media de los usuarios (1 a 5): sin datos");
    QuarterlyReport generated = only(pi);
    assertThat(generated.requestedBy()).isEqualTo(TicketTimeline.SYSTEM_AUTHOR);
    assertThat(generated.state()).isEqualTo(ReportState.GENERADO);

    driver.complete(pi, "Task_ValidateReport", "jefe", vars("reportApproved", true));

    assertThat(pi).isEnded().hasPassed("EndEvent_ReportApproved");
    QuarterlyReport approved = only(pi);
    assertThat(approved.state()).isEqualTo(ReportState.APROBADO);
    assertThat(approved.decidedBy()).isEqualTo("jefe");
    assertThat(approved.decidedAt()).isNotNull();
    // The cycle goes on: the next quarter's timer is waiting.
    assertThat(management.createJobQuery().processDefinitionKey(QuarterlyReports.PROCESS_KEY).timers().count()).isEqualTo(1);
  }

  @Test
  void aReturnedReportIsCorrectedAndGeneratedAgainAsANewVersion() {
    ProcessInstance pi = request("tecnico", 2025, 4);
    assertThat(pi).hasPassed("StartEvent_ReportRequested").isWaitingAt("Task_GenerateReport");
    assertThat(pi).variables().containsEntry("requestedBy", "tecnico").containsEntry("reportKey", "INF-2025-T4");
    execute(job(pi));

    driver.complete(pi, "Task_ValidateReport", "jefe",
        vars("reportApproved", false, "reportObservations", "Faltan los tickets de diciembre."));

    assertThat(pi).isWaitingAt("Task_CorrectReport");
    assertThat(task("Task_CorrectReport", pi)).hasCandidateGroup("tecnico-operativo");
    assertThat(pi).variables().containsEntry("reportObservations", "Faltan los tickets de diciembre.");
    driver.complete(pi, "Task_CorrectReport", "sistemas",
        vars("correctionNote", "Se registraron los tickets que faltaban."));
    execute(job(pi));

    assertThat(pi).isWaitingAt("Task_ValidateReport").variables().containsEntry("reportVersion", 2L)
        .doesNotContainKey("reportApproved");
    driver.complete(pi, "Task_ValidateReport", "jefe", vars("reportApproved", true));

    assertThat(pi).isEnded().hasPassed("Task_CorrectReport", "EndEvent_ReportApproved");
    List<QuarterlyReport> versions = repository.findByKey("INF-2025-T4");
    assertThat(versions).extracting(QuarterlyReport::version).containsExactly(1, 2);
    assertThat(versions.get(0).state()).isEqualTo(ReportState.DEVUELTO);
    assertThat(versions.get(0).observations()).isEqualTo("Faltan los tickets de diciembre.");
    assertThat(versions.get(0).requestedBy()).isEqualTo("tecnico");
    assertThat(versions.get(1).state()).isEqualTo(ReportState.APROBADO);
    assertThat(versions.get(1).correctionNote()).isEqualTo("Se registraron los tickets que faltaban.");
  }

  @Test
  void onlyTheJefeDecidesNotEvenAnAdministrator() {
    ProcessInstance pi = request("web", 2025, 3);
    execute(job(pi));
    Task validate = task("Task_ValidateReport", pi);

    for (String user : List.of("admin", "tecnico", "usuario1")) {
      assertThatThrownBy(() -> driver.as(user, () -> {
        tasks.complete(validate.getId(), vars("reportApproved", true));
        return null;
      })).as(user).satisfies(e -> assertThat(causes(e)).anySatisfy(cause ->
          assertThat(cause).isInstanceOf(AuthorizationException.class)));
    }
    assertThat(pi).isWaitingAt("Task_ValidateReport");
    assertThat(only(pi).state()).isEqualTo(ReportState.GENERADO);
    assertThat(only(pi).decidedBy()).isNull();

    driver.complete(pi, "Task_ValidateReport", "jefe", vars("reportApproved", true));
    assertThat(only(pi).decidedBy()).isEqualTo("jefe");
  }

  @Test
  void returningAReportNeedsObservationsAndACorrectionNeedsANote() {
    ProcessInstance pi = request("jefe", 2025, 2);
    execute(job(pi));

    // Listener failures reach the caller wrapped by the engine; the Spanish message is the cause's.
    assertThatThrownBy(() -> driver.complete(pi, "Task_ValidateReport", "jefe", vars("reportApproved", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("«Observaciones» es obligatorio");
    assertThatThrownBy(() -> driver.complete(pi, "Task_ValidateReport", "jefe",
        vars("reportApproved", false, "reportObservations", "<script>alert(1)</script>")))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause().hasMessageContaining("no puede contener HTML");
    assertThat(only(pi).state()).isEqualTo(ReportState.GENERADO);

    driver.complete(pi, "Task_ValidateReport", "jefe", vars("reportApproved", false, "reportObservations", "Revisar."));
    assertThatThrownBy(() -> driver.complete(pi, "Task_CorrectReport", "tecnico", vars()))
        .hasRootCauseInstanceOf(InvalidInputException.class).rootCause()
        .hasMessageContaining("«Correcciones realizadas» es obligatorio");
    assertThat(pi).isWaitingAt("Task_CorrectReport");
  }

  @Test
  void tasklistDoesNotOfferToStartTheReportWhichHasNoStartForm() {
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(QuarterlyReports.PROCESS_KEY).latestVersion().singleResult().isStartableInTasklist())
        .isFalse();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().startableInTasklist()
        .list()).extracting(d -> d.getKey()).containsExactly("mesa-de-servicios");
  }

  @Test
  void aRequestForAQuarterThatHasNotEndedOrDoesNotExistIsRefused() {
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(QuarterlyReports.PROCESS_KEY).count();
    ReportPeriod current = ReportPeriod.containing(LocalDate.now(BOGOTA));

    assertThatThrownBy(() -> request("tecnico", current.year(), current.quarter()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("aún no ha terminado");
    assertThatThrownBy(() -> request("tecnico", 2025, 5))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("«Trimestre» debe ser un número entero entre 1 y 4");
    assertThatThrownBy(() -> driver.as("tecnico", () -> reports.request(Map.of("reportQuarter", "1"), "tecnico")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("«Año» es obligatorio");

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(QuarterlyReports.PROCESS_KEY).count())
        .isEqualTo(before);
  }

  @Test
  void aSecondRequestForAQuarterInProgressIsRefused() {
    ProcessInstance pi = request("tecnico", 2025, 1);
    assertThatThrownBy(() -> request("sistemas", 2025, 1)).isInstanceOf(ReportInProgressException.class)
        .hasMessageContaining("ya está en trámite (INF-2025-T1)");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INF-2025-T1").count()).isEqualTo(1);
    runtime.deleteProcessInstance(pi.getId(), "prueba");
  }

  @Test
  void theFiguresCountTheTicketsOfTheQuarterAndGeneratingTwiceGivesOneVersion() {
    ReportPeriod q = new ReportPeriod(2024, 3);
    OffsetDateTime start = q.start(BOGOTA);
    // Opened in the quarter: 2 support (one closed 26 h later with score 5, one still open), 1 web
    // closed with score 2 and escalated; opened before and closed in it: 1 account, score 4;
    // one ticket of the next quarter, not counted.
    ticket("MDS-2024-900001", "SOPORTE_TECNICO", start.plusDays(1), start.plusDays(1).plusHours(26), 5);
    ticket("MDS-2024-900002", "SOPORTE_TECNICO", start.plusDays(2), null, null);
    ticket("MDS-2024-900003", "SOPORTE_WEB", start.plusDays(3), start.plusDays(4), 2);
    note("MDS-2024-900003", "ESCALAMIENTO", start.plusDays(3).plusHours(2));
    ticket("MDS-2024-900004", "CUENTA_USUARIO", start.minusDays(5), start.plusHours(1), 4);
    ticket("MDS-2024-900005", "SOPORTE_GOOBI", q.end(BOGOTA).plusHours(1), null, null);

    ProcessInstance pi = request("tecnico", 2024, 3);
    execute(job(pi));

    QuarterlyReport report = only(pi);
    assertThat(report.figures().opened()).isEqualTo(3);
    assertThat(report.figures().openedByTopic()).containsEntry("SOPORTE_TECNICO", 2L)
        .containsEntry("SOPORTE_WEB", 1L).containsEntry("CUENTA_USUARIO", 0L).hasSize(7);
    assertThat(report.figures().closed()).isEqualTo(3);
    assertThat(report.figures().openAtEnd()).isEqualTo(1);
    assertThat(report.figures().escalated()).isEqualTo(1);
    assertThat(report.figures().satisfactionAnswers()).isEqualTo(3);
    assertThat(report.figures().meanSatisfaction()).isEqualTo(11 / 3.0);
    assertThat(report.figures().meanHoursToClose()).isEqualTo((26 + 24 + 121) / 3.0);
    assertThat((String) runtime.getVariable(pi.getId(), "reportSummary"))
        .contains("Solicitud de Soporte Técnico: 2", "Calificación media de los usuarios (1 a 5): 3,7 (3 respuestas)",
            "Tiempo medio hasta el cierre: 57,0 horas");

    // A retried job finds the version it already generated instead of adding another.
    QuarterlyReport again = reports.generate(q, pi.getId(), "tecnico", null);
    assertThat(again.id()).isEqualTo(report.id());
    assertThat(repository.findByKey(q.key())).hasSize(1);
  }

  // ------------------------------------------------------------------ helpers

  private ProcessInstance request(String user, int year, int quarter) {
    String key = driver.as(user, () -> reports.request(Map.of("reportYear", (long) year, "reportQuarter", (long) quarter), user));
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
  }

  private QuarterlyReport only(ProcessInstance pi) {
    List<QuarterlyReport> mine = repository.findAll().stream()
        .filter(r -> r.processInstanceId().equals(pi.getId())).toList();
    assertThat(mine).hasSize(1);
    return mine.get(0);
  }

  private void ticket(String code, String topic, OffsetDateTime created, OffsetDateTime closed, Integer score) {
    jdbc.sql("""
            insert into ticket (code, topic, subject, description, details, requester, state, created_at,
              updated_at, closed_at, satisfaction_score)
            values (?, ?, 'Prueba', 'Prueba', '{}', 'usuario1', ?, ?, ?, ?, ?)""")
        .params(code, topic, closed == null ? "EN_ATENCION" : "CERRADO", created, created, closed, score)
        .update();
  }

  private void note(String code, String kind, OffsetDateTime at) {
    jdbc.sql("insert into ticket_note (ticket_code, created_at, author, kind, body) values (?, ?, 'tecnico', ?, 'Nota')")
        .params(code, at, kind).update();
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
    return chain;
  }
}
