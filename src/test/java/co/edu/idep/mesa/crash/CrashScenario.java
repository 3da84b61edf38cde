package co.edu.idep.mesa.crash;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.TicketRequests;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The preparation of a crash test: tickets waiting for their topic review, on running nodes. */
final class CrashScenario {

  private final ApiClient first;
  private final ApiClient second;

  /** Registrations alternate between the two clients (the same node twice, or two nodes). */
  CrashScenario(ApiClient first, ApiClient second) {
    this.first = first;
    this.second = second;
  }

  /** {@code count} tickets registered one after the other, each waiting for its topic review; their codes. */
  Set<String> register(int count) {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < count; i++) {
      Reply reply = (i % 2 == 0 ? first : second).post("/api/tickets", "usuario1", TicketRequests.support());
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      codes.add(reply.json().get("code").asText());
    }
    return codes;
  }

  /** Every open topic review, for the completing clients to take one by one. */
  Queue<String> reviewTasks() {
    Reply tasks = first.get("/engine-rest/task?taskDefinitionKey=" + CrashLoad.REVIEW_TASK + "&maxResults=10000", "admin");
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    Queue<String> ids = new ConcurrentLinkedQueue<>();
    for (JsonNode task : tasks.json()) ids.add(task.get("id").asText());
    assertThat(ids).isNotEmpty();
    return ids;
  }
}
