package co.edu.idep.mesa.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.TicketRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code GET /api/tickets/{code}} shows each service-level target of the ticket. */
@ApplicationTest
class ServiceLevelApiTest {

  @LocalServerPort int port;
  @Autowired ServiceLevels serviceLevels;
  @Autowired TransactionTemplate transaction;

  @Test
  void theTicketShowsEachTargetItsDueTimeTheWorkingTimeUsedAndWhetherItWasMet() {
    ApiClient api = new ApiClient(port);
    String code = api.post("/api/tickets", "usuario1", TicketRequests.support()).json().get("code").asText();
    String priority = api.get("/api/tickets/" + code, "usuario1").json().get("priority").asText();
    // What the diagram does at registration; once it does, this finds the targets there and changes nothing.
    Instant registered = Instant.now();
    transaction.executeWithoutResult(s -> serviceLevels.start(code, "SOPORTE_TECNICO", priority, registered));

    JsonNode targets = api.get("/api/tickets/" + code, "usuario1").json().get("serviceLevels");

    assertThat(targets).hasSize(2);
    assertThat(targets.findValuesAsText("kind")).containsExactly("FIRST_ATTENTION", "RESOLUTION");
    assertThat(targets.findValuesAsText("label")).containsExactly("Primera atención", "Solución");
    for (JsonNode target : targets) {
      assertThat(target.get("targetHours").asDouble()).isPositive();
      assertThat(target.get("usedMinutes").asLong()).isNotNegative();
      assertThat(OffsetDateTime.parse(target.get("dueAt").asText()).toInstant()).isAfter(registered);
      assertThat(target.get("met").isNull()).isTrue();
      assertThat(target.get("state").asText()).isEqualTo("EN_CURSO");
      assertThat(target.get("stateLabel").asText()).isEqualTo("En curso");
    }

    transaction.executeWithoutResult(s -> serviceLevels.firstAttention(code, Instant.now()));

    List<JsonNode> after = StreamSupport.stream(
        api.get("/api/tickets/" + code, "tecnico").json().get("serviceLevels").spliterator(), false).toList();
    assertThat(after.get(0).get("met").asBoolean()).isTrue();
    assertThat(after.get(0).get("state").asText()).isEqualTo("CUMPLIDO");
    assertThat(after.get(0).get("metAt").isNull()).isFalse();
    assertThat(after.get(1).get("met").isNull()).isTrue();
    // Someone else's ticket is still answered as a missing one.
    assertThat(api.get("/api/tickets/" + code, "usuario2").status()).isEqualTo(404);
  }
}
