package co.edu.idep.mesa.report;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.ReportQuarters;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /api/reports: asking for a quarter's report, reading the versions, and the Spanish refusals. */
@ApplicationTest
class ReportApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void aRequestedReportIsListedWithItsFiguresAndTheJefeApprovesIt() {
    ApiClient api = new ApiClient(port);
    ReportPeriod quarter = ReportQuarters.next();
    String key = "INF-" + quarter.year() + "-T" + quarter.quarter();
    Map<String, Object> request = Map.of("year", quarter.year(), "quarter", quarter.quarter());
    Reply requested = api.post("/api/reports", "sistemas", request);
    assertThat(requested.status()).isEqualTo(202);
    assertThat(requested.json().get("key").asText()).isEqualTo(key);

    Reply again = api.post("/api/reports", "tecnico", request);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("ya está en trámite");

    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

    Reply list = api.get("/api/reports", "goobi");
    assertThat(list.status()).isEqualTo(200);
    // Among the reports of the quarters other tests asked for.
    List<JsonNode> reports = StreamSupport.stream(list.json().spliterator(), false).toList();
    assertThat(reports).extracting(r -> r.get("key").asText()).containsOnlyOnce(key);
    JsonNode listed = reports.stream().filter(r -> r.get("key").asText().equals(key)).findFirst().orElseThrow();
    assertThat(listed.get("state").asText()).isEqualTo("GENERADO");
    assertThat(listed.get("period").asText()).isEqualTo(ReportQuarters.label(quarter));
    long id = listed.get("id").asLong();

    Reply one = api.get("/api/reports/" + id, "jefe");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("figures").get("opened").asLong()).isZero();
    assertThat(one.json().get("figures").get("openedByTopic").size()).isEqualTo(7);
    assertThat(one.json().get("requestedBy").asText()).isEqualTo("sistemas");

    api.complete(key, "Task_ValidateReport", "jefe", Map.of("reportApproved", ApiClient.value(true, "Boolean")));
    assertThat(api.get("/api/reports/" + id, "tecnico").json().get("state").asText()).isEqualTo("APROBADO");
    assertThat(api.get("/api/reports/" + id, "tecnico").json().get("decidedBy").asText()).isEqualTo("jefe");
  }

  @Test
  void badRequestsAreAnsweredInSpanishAndStartNothing() {
    ApiClient api = new ApiClient(port);
    long before = runtime.createProcessInstanceQuery().processDefinitionKey(QuarterlyReports.PROCESS_KEY).count();

    Reply future = api.post("/api/reports", "tecnico", Map.of("year", 2099, "quarter", 1));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("errors").findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).contains("«Año» debe ser un número entero entre 2020"));
    Reply noQuarter = api.post("/api/reports", "tecnico", Map.of("year", 2025));
    assertThat(noQuarter.status()).isEqualTo(400);
    assertThat(noQuarter.json().get("errors").findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).contains("«Trimestre» es obligatorio"));
    Reply text = api.post("/api/reports", "tecnico", Map.of("year", "dos mil", "quarter", "<b>1</b>"));
    assertThat(text.status()).isEqualTo(400);
    assertThat(api.postRaw("/api/reports", "tecnico", "{no es json").status()).isEqualTo(400);

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(QuarterlyReports.PROCESS_KEY).count())
        .isEqualTo(before);
    assertThat(api.get("/api/reports/999999", "jefe").status()).isEqualTo(404);
    assertThat(api.get("/api/reports/abc", "jefe").status()).isEqualTo(404);
    assertThat(api.get("/api/reports", "usuario1").status()).isEqualTo(403);
  }
}
