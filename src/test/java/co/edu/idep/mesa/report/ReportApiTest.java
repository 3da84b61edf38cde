package co.edu.idep.mesa.report;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** /api/reports: asking for a quarter's report, reading the versions, and the Spanish refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReportApiTest {

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  @Test
  void aRequestedReportIsListedWithItsFiguresAndTheJefeApprovesIt() {
    ApiClient api = new ApiClient(port);
    Reply requested = api.post("/api/reports", "sistemas", Map.of("year", 2024, "quarter", 4));
    assertThat(requested.status()).isEqualTo(202);
    assertThat(requested.json().get("key").asText()).isEqualTo("INF-2024-T4");

    Reply again = api.post("/api/reports", "tecnico", Map.of("year", 2024, "quarter", 4));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("message").asText()).contains("ya está en trámite");

    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("INF-2024-T4").singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());

    Reply list = api.get("/api/reports", "goobi");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().get(0).get("key").asText()).isEqualTo("INF-2024-T4");
    assertThat(list.json().get(0).get("state").asText()).isEqualTo("GENERADO");
    assertThat(list.json().get(0).get("period").asText()).isEqualTo("2024, cuarto trimestre (octubre a diciembre)");
    long id = list.json().get(0).get("id").asLong();

    Reply one = api.get("/api/reports/" + id, "jefe");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("figures").get("opened").asLong()).isZero();
    assertThat(one.json().get("figures").get("openedByTopic").size()).isEqualTo(7);
    assertThat(one.json().get("requestedBy").asText()).isEqualTo("sistemas");

    api.complete("INF-2024-T4", "Task_ValidateReport", "jefe", Map.of("reportApproved", ApiClient.value(true, "Boolean")));
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
