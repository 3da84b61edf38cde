package co.edu.idep.mesa.audit;

import co.edu.idep.mesa.escalation.provider.Provider;
import co.edu.idep.mesa.escalation.provider.Providers;
import co.edu.idep.mesa.support.ProvidersOfRecord;
import co.edu.idep.mesa.ticket.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;
import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.report.ReportPeriod;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.ReportQuarters;
import co.edu.idep.mesa.support.TicketRequests;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The head of the office asks who did what to a ticket, or in a period, and exports it. */
@ApplicationTest
class AuditTrailTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired Providers providers;
  @Autowired JdbcClient jdbc;

  @Test
  void theTrailOfATicketNamesWhoStartedClaimedCompletedAndEscalated() {
    ApiClient api = new ApiClient(port);
    String code = escalatedTicket(api);
    Provider provider = ProvidersOfRecord.of(Topic.SOPORTE_TECNICO, providers, jdbc);

    Reply trail = api.get("/api/audit?ticket=" + code, "jefe");

    assertThat(trail.status()).isEqualTo(200);
    List<String> lines = StreamSupport.stream(trail.json().spliterator(), false)
        .map(e -> e.get("user").asText() + " | " + e.get("action").asText() + " | " + e.get("detail").asText())
        .toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("usuario1 | Abrió el ticket"))
        .anySatisfy(l -> assertThat(l).startsWith("tecnico | Reclamó la tarea | Tarea «Verificar el tema del ticket»"))
        .anySatisfy(l -> assertThat(l).startsWith("tecnico | Completó la tarea | Tarea «Evaluar la falla reportada»"))
        .anySatisfy(l -> assertThat(l).startsWith("sistema | Escaló el ticket | Escalado a «" + provider.name() + "» por correo"));
    assertThat(trail.json().findValuesAsText("ticket")).containsOnly(code);
    assertThat(trail.json().findValuesAsText("source")).contains("camunda", "ticket");
  }

  @Test
  void aPeriodCoversEveryTicketOfItsDaysAndExportsAsCsv() {
    ApiClient api = new ApiClient(port);
    String code = escalatedTicket(api);
    String today = LocalDate.now(java.time.ZoneId.of("America/Bogota")).toString();

    Reply period = api.get("/api/audit?from=" + today + "&to=" + today, "jefe");
    assertThat(period.json().findValuesAsText("ticket")).contains(code);
    Reply yesterday = api.get("/api/audit?from=2020-01-01&to=2020-01-02", "jefe");
    assertThat(yesterday.json()).isEmpty();

    Reply csv = api.get("/api/audit/export?from=" + today + "&to=" + today, "jefe");
    assertThat(csv.status()).isEqualTo(200);
    String[] rows = csv.body().replace("\uFEFF", "").split("\r\n");
    assertThat(rows[0]).isEqualTo("fecha,usuario,accion,ticket,detalle,origen");
    assertThat(rows).anySatisfy(r -> assertThat(r).contains(code, "Escaló el ticket", "tecnico"));
  }

  @Test
  void theTrailOfAReportNamesWhoGeneratedReturnedCorrectedAndApprovedIt() {
    ApiClient api = new ApiClient(port);
    ReportPeriod quarter = ReportQuarters.next();
    String key = quarter.key();
    assertThat(api.post("/api/reports", "tecnico", Map.of("year", quarter.year(), "quarter", quarter.quarter())).status())
        .isEqualTo(202);
    generate(key);
    api.complete(key, "Task_ValidateReport", "jefe", Map.of(
        "reportApproved", ApiClient.value(false, "Boolean"),
        "reportObservations", ApiClient.value("Falta el tiempo de cierre por tema.", "String")));
    api.complete(key, "Task_CorrectReport", "tecnico", Map.of(
        "correctionNote", ApiClient.value("Se revisaron los cierres.", "String")));
    generate(key);
    api.complete(key, "Task_ValidateReport", "jefe", Map.of("reportApproved", ApiClient.value(true, "Boolean")));

    Reply trail = api.get("/api/audit?ticket=" + key, "jefe");

    List<String> lines = StreamSupport.stream(trail.json().spliterator(), false)
        .map(e -> e.get("user").asText() + " | " + e.get("action").asText() + " | " + e.get("detail").asText())
        .toList();
    assertThat(lines)
        .anySatisfy(l -> assertThat(l).startsWith("tecnico | Generó el informe trimestral | Versión 1"))
        .anySatisfy(l -> assertThat(l).startsWith("jefe | Devolvió el informe trimestral | Versión 1")
            .endsWith("Observaciones: Falta el tiempo de cierre por tema."))
        .anySatisfy(l -> assertThat(l).startsWith("tecnico | Generó el informe trimestral | Versión 2")
            .endsWith("Correcciones: Se revisaron los cierres."))
        .anySatisfy(l -> assertThat(l).startsWith("jefe | Aprobó el informe trimestral | Versión 2"))
        .anySatisfy(l -> assertThat(l).startsWith("jefe | Completó la tarea | Tarea «Validar el informe»"));
    String today = LocalDate.now(java.time.ZoneId.of("America/Bogota")).toString();
    assertThat(api.get("/api/audit?from=" + today + "&to=" + today, "jefe").json().findValuesAsText("action"))
        .contains("Aprobó el informe trimestral", "Devolvió el informe trimestral");
  }

  private void generate(String key) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
  }

  @Test
  void aWrongPeriodIsExplainedInSpanish() {
    ApiClient api = new ApiClient(port);
    Reply none = api.get("/api/audit", "jefe");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().get("errors").findValuesAsText("message")).anySatisfy(m -> assertThat(m).contains("Indique un ticket o un periodo"));
    assertThat(api.get("/api/audit?from=2026-02-30&to=2026-03-01", "jefe").status()).isEqualTo(400);
    assertThat(api.get("/api/audit?from=2026-03-01&to=2026-02-01", "jefe").json().get("errors").toString())
        .contains("anterior a la inicial");
  }

  @Test
  void spreadsheetFormulasAreExportedAsText() {
    assertThat(AuditController.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(AuditController.cell("+57 300")).isEqualTo("'+57 300");
    assertThat(AuditController.cell("Escalado a «Proveedor»")).isEqualTo("Escalado a «Proveedor»");
  }

  /** Escalated to the maintenance contractor of record: the job runs here (the job executor is off in tests). */
  private String escalatedTicket(ApiClient api) {
    ProvidersOfRecord.of(Topic.SOPORTE_TECNICO, providers, jdbc);
    String code = api.post("/api/tickets", "usuario1", TicketRequests.support()).json().get("code").asText();
    complete(api, code, "Task_ReviewTopic", Map.of("topicMatches", Map.of("value", true, "type", "Boolean")));
    complete(api, code, "Task_EvaluateTechnicalSupport", Map.of("canResolve", Map.of("value", false, "type", "Boolean"),
        "evaluationNote", Map.of("value", "Switch dañado", "type", "String")));
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance)
        .activityId("Task_EscalateToMaintenanceProvider").singleResult().getId());
    return code;
  }

  private static void complete(ApiClient api, String code, String key, Map<String, Object> variables) {
    api.complete(code, key, "tecnico", variables);
  }
}
