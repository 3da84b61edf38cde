package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.AtOnce;
import co.edu.idep.mesa.support.TicketRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Agents who reach for the same task in the same instant, as Tasklist sends it (Camunda's REST API):
 * 50 technicians claim one ticket's review, two complete another's. Exactly one of them gets it; the
 * others are told in Spanish that a colleague came first (409, or 404 when the task is already gone),
 * and the log shows no engine error or stack trace for it. The agents are real users of the
 * technicians' group, made here and removed afterwards. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractTaskRaceTest {

  static final int AGENTS = 50;

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  final List<String> agents = IntStream.rangeClosed(1, AGENTS).mapToObj(i -> "carrera%02d".formatted(i)).toList();

  @BeforeAll
  void agents() {
    api = new ApiClient(port);
    for (String id : agents) {
      if (identity.createUserQuery().userId(id).count() > 0) identity.deleteUser(id);
      User user = identity.newUser(id);
      user.setFirstName("Agente");
      user.setLastName("Carrera " + id.substring(7));
      user.setEmail(id + "@idep.edu.co");
      user.setPassword("demo");
      identity.saveUser(user);
      identity.createMembership(id, Roles.TECHNICIAN);
    }
  }

  @AfterAll
  void removeAgents() {
    agents.forEach(identity::deleteUser);
  }

  @Test
  void fiftyAgentsClaimOneTaskAndExactlyOneGetsIt(CapturedOutput log) throws Exception {
    String taskId = reviewOfNewTicket();

    List<Reply> replies = atOnce(AGENTS, i -> api.post("/engine-rest/task/" + taskId + "/claim", agents.get(i),
        Map.of("userId", agents.get(i))));

    List<String> winners = new ArrayList<>();
    for (int i = 0; i < replies.size(); i++) {
      Reply reply = replies.get(i);
      assertThat(reply.status()).as(reply.body()).isIn(204, 409);
      if (reply.status() == 204) {
        winners.add(agents.get(i));
      } else {
        assertSpanishRefusal(reply, "ya reclamó", "al mismo tiempo");
      }
    }
    assertThat(winners).hasSize(1);
    assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(winners.get(0));
    assertNoEngineErrorLogged(log);
  }

  @Test
  void twoAgentsCompleteOneTaskAndExactlyOneDoes(CapturedOutput log) throws Exception {
    // A few rounds: which refusal the second one meets depends on the instant he arrives.
    for (int round = 0; round < 5; round++) {
      String taskId = reviewOfNewTicket();
      Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
      List<String> pair = List.of(agents.get(2 * round), agents.get(2 * round + 1));

      List<Reply> replies = atOnce(2, i -> api.submit(taskId, pair.get(i),
          Map.of("topicMatches", ApiClient.value(true, "Boolean"))));

      assertThat(replies).extracting(Reply::status).as(replies.toString()).containsOnlyOnce(204);
      Reply refused = replies.stream().filter(r -> r.status() != 204).findFirst().orElseThrow();
      assertThat(refused.status()).as(refused.body()).isIn(409, 404);
      assertSpanishRefusal(refused, "al mismo tiempo", "ya no existe");
      // Completed once: the step ran once, and the ticket went on once.
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
          .activityId("Task_ReviewTopic").list()).singleElement().satisfies(step -> assertThat(step.getEndTime()).isNotNull());
      assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
    }
    assertNoEngineErrorLogged(log);
  }

  /**
   * The second agent's completion waits for the first one in flight (here held open with the task's
   * row locked), then reads what it left: the task is gone, and he is told so. Without the wait the
   * second completion read the task before the first one committed, and its listeners read the
   * ticket after: the task's execution (it has boundary timers) was already ended, a variable was
   * missing, and the agent got a 500 (seen in CI on PostgreSQL).
   */
  @Test
  void aCompletionWaitsForTheOneInFlightAndIsToldTheTaskIsGone(CapturedOutput log) throws Exception {
    String taskId = reviewOfNewTicket();
    String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pair = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pair.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
        jdbc.queryForList("select ID_ from ACT_RU_TASK where ID_ = ? for update", taskId);
        locked.countDown();
        await(release);
        tasks.complete(taskId, Map.of("topicMatches", true));
      }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
      Future<Reply> second = pair.submit(() -> api.submit(taskId, agents.get(1),
          Map.of("topicMatches", ApiClient.value(true, "Boolean"))));
      awaitOneSessionWaitingForALock();
      release.countDown();
      first.get(30, TimeUnit.SECONDS);

      Reply refused = second.get(30, TimeUnit.SECONDS);
      assertThat(refused.status()).as(refused.body()).isIn(404, 409);
      assertSpanishRefusal(refused, "ya no existe", "al mismo tiempo");
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
          .activityId("Task_ReviewTopic").list()).singleElement().satisfies(step -> assertThat(step.getEndTime()).isNotNull());
    } finally {
      release.countDown();
      pair.shutdownNow();
    }
    assertNoEngineErrorLogged(log);
  }

  /** Until some session of this database waits for a row lock: the second completion has arrived. */
  private void awaitOneSessionWaitingForALock() throws InterruptedException {
    String waiting = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()).startsWith("PostgreSQL")
        ? "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
        : "select count(*) from information_schema.sessions where blocker_id is not null";
    for (int i = 0; i < 300; i++) {
      if (jdbc.queryForObject(waiting, Integer.class) > 0) return;
      Thread.sleep(100);
    }
    throw new AssertionError("The second completion never waited for the first one's lock on the task");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The narrowest instant of that race: the second agent's command read the task, then the first one's
   * completion deleted it with its permissions, and the permission check refuses. That refusal is
   * told as "already gone" too; on a task that still exists it stays a refusal.
   */
  @Test
  void aPermissionRefusalOnATaskThatIsGoneIsToldAsGone() {
    String completed = reviewOfNewTicket();
    tasks.complete(completed, Map.of("topicMatches", true));
    String open = reviewOfNewTicket();
    Response camunda = Response.status(Response.Status.FORBIDDEN).build();

    Response gone = SpanishErrorsFeature.answer(refusal(completed), () -> camunda);
    assertThat(gone.getStatus()).isEqualTo(404);
    assertThat(((ExceptionDto) gone.getEntity()).getMessage()).isEqualTo(TaskRaces.GONE);
    assertThat(SpanishErrorsFeature.answer(refusal(open), () -> camunda)).isSameAs(camunda);
  }

  private static AuthorizationException refusal(String taskId) {
    return new AuthorizationException("carrera01", List.of(new MissingAuthorization("TASK_WORK", "Task", taskId),
        new MissingAuthorization("TASK_WORK", "ProcessDefinition", "mesa-de-servicios")));
  }

  /** A fresh ticket's "Verificar el tema del ticket", offered to the technicians and held by nobody. */
  private String reviewOfNewTicket() {
    Reply created = api.post("/api/tickets", "usuario1", TicketRequests.support());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return api.taskId(created.json().get("code").asText(), "Task_ReviewTopic");
  }

  private static void assertSpanishRefusal(Reply reply, String... oneOf) {
    String message = reply.json().get("message").asText();
    assertThat(oneOf).as(message).anyMatch(message::contains);
    assertThat(message).doesNotContain("Exception", "task", "Cannot");
  }

  /** No engine error and no stack trace: each refusal is an answer, not a failure of the application. */
  private static void assertNoEngineErrorLogged(CapturedOutput log) {
    assertThat(log.getAll()).doesNotContain("ENGINE-16004", "ENGINE-16003", "at org.camunda.bpm.engine.",
        "TaskAlreadyClaimedException", "OptimisticLockingException", "NullValueException");
  }

  private static List<Reply> atOnce(int clients, AtOnce.Call<Reply> request) throws Exception {
    return AtOnce.send(clients, 60, request);
  }
}
