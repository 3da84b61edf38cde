package co.edu.idep.mesa.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.AtOnce;
import co.edu.idep.mesa.support.TicketRequests;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Monday morning after a network outage: bursts of 16, 64 and 200 concurrent registrations on a
 * freshly started application (its own context, so the first burst meets a cold one), more clients
 * than the pool has connections. Each request is either registered (201, a code of its own) or
 * refused politely (503 with Retry-After, nothing registered); never a 500, never a timeout. The
 * ticket record and Camunda's instances match one to one afterwards. Subclasses choose the database.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AbstractRegistrationBurstTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired HistoryService history;
  @Autowired TaskService tasks;

  @Test
  @Order(1)
  void aBurstOf16OnAFreshStartIsRegisteredWhole() throws Exception {
    Set<String> before = storedCodes();
    List<Reply> replies = burst(16, i -> api().post("/api/tickets", "usuario" + (1 + i % 2), TicketRequests.support()));
    assertPoliteAndConsistent(before, replies);
    // Fewer clients than the admission queue holds: nobody is sent away.
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
  }

  @Test
  @Order(2)
  void aBurstOf64IsRegisteredOrRefusedPolitely() throws Exception {
    assertPoliteAndConsistent(storedCodes(), burst(64, i -> api().post("/api/tickets", "usuario1", TicketRequests.account())));
  }

  @Test
  @Order(3)
  void aBurstOf200IsRegisteredOrRefusedPolitely() throws Exception {
    assertPoliteAndConsistent(storedCodes(), burst(200, i -> api().post("/api/tickets", "usuario2", TicketRequests.support())));
  }

  @Test
  @Order(4)
  void registrationsAndTaskCompletionsMixed() throws Exception {
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      Reply created = api().post("/api/tickets", "usuario1", TicketRequests.support());
      assertThat(created.status()).isEqualTo(201);
      waiting.add(created.json().get("code").asText());
    }
    Set<String> before = storedCodes();
    List<String> taskIds = waiting.stream().map(code -> api().taskId(code, "Task_ReviewTopic")).toList();

    List<Reply> replies = burst(96, i -> i % 3 == 0
        ? completeReview(taskIds.get(i / 3))
        : api().post("/api/tickets", "usuario2", TicketRequests.support()));

    List<Reply> registrations = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      Reply reply = replies.get(i);
      assertPolite(reply);
      if (i % 3 == 0) {
        String taskId = taskIds.get(i / 3);
        // A completed review left its task; a refused one left it exactly where it was.
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(reply.status() == 204 ? 0 : 1);
      } else {
        registrations.add(reply);
      }
    }
    assertPoliteAndConsistent(before, registrations);
  }

  private Set<String> storedCodes() {
    return new HashSet<>(jdbc.sql("select code from ticket").query(String.class).list());
  }

  /** Claims and submits "Verificar el tema del ticket" as the technician; the first refusal is the answer. */
  private Reply completeReview(String taskId) {
    Reply claim = api().post("/engine-rest/task/" + taskId + "/claim", "tecnico", Map.of("userId", "tecnico"));
    if (claim.status() != 204) return claim;
    return api().submit(taskId, "tecnico", Map.of("topicMatches", ApiClient.value(true, "Boolean")));
  }

  private ApiClient api() {
    return new ApiClient(port);
  }

  /** Sends {@code clients} requests at the same moment, one per thread, and waits for every answer. */
  static List<Reply> burst(int clients, AtOnce.Call<Reply> request) throws Exception {
    return AtOnce.send(clients, 90, request);
  }

  private static void assertPolite(Reply reply) {
    assertThat(reply.status()).as(reply.body()).isIn(201, 204, 503);
    if (reply.status() == 503) {
      assertThat(reply.header("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
      assertThat(reply.json().get("message").asText()).contains("intente de nuevo");
    }
  }

  private void assertPoliteAndConsistent(Set<String> before, List<Reply> replies) {
    replies.forEach(AbstractRegistrationBurstTest::assertPolite);
    List<String> created = replies.stream().filter(r -> r.status() == 201)
        .map(r -> r.json().get("code").asText()).toList();
    assertThat(created).as("codes handed out once").doesNotHaveDuplicates();
    assertThat(created).as("codes of earlier tickets").noneMatch(before::contains);
    // One ticket per instance and one instance per ticket: nothing half-registered.
    long tickets = jdbc.sql("select count(*) from ticket").query(Long.class).single();
    long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketVariables.PROCESS_KEY).count();
    long matched = jdbc.sql("select count(*) from ticket where process_instance_id is not null").query(Long.class).single();
    assertThat(tickets).isEqualTo(before.size() + created.size()).isEqualTo(instances).isEqualTo(matched);
    for (String code : created) {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count()).isEqualTo(1);
    }
  }
}
