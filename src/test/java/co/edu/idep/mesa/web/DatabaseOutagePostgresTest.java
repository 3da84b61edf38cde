package co.edu.idep.mesa.web;

import co.edu.idep.mesa.support.PostgresApplicationTest;
import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ThrowawayPostgres;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The database stops for 30 s while people register tickets and agents look at their tasks, then
 * comes back (a restart, a fail-over). On a PostgreSQL server of the test's own
 * ({@link ThrowawayPostgres}); the application runs with the production profile and its job executor.
 * <ul>
 *   <li>meanwhile every request is answered: registered (201), or a Spanish 503 with
 *   {@code Retry-After}; never a 500, never a stack trace, never a hang; so is Camunda's REST API
 *   and the webapps' own;</li>
 *   <li>the health endpoint says DOWN meanwhile, UP after;</li>
 *   <li>within seconds of the database's return registrations succeed again, with no restart;</li>
 *   <li>jobs that fell due during the outage all run afterwards, with no incident and no retry spent;</li>
 *   <li>every ticket answered 201 is in the ticket record with its process instance.</li>
 * </ul>
 * Runs in CI (-Pci), as root: it creates, stops, starts and drops its own cluster on a free port.
 */
@PostgresApplicationTest
@TestPropertySource(properties = {
    // The test profile turns the job executor off; here jobs fall due during the outage.
    "camunda.bpm.job-execution.enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutagePostgresTest {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutagePostgresTest.class);

  static final Duration OUTAGE = Duration.ofSeconds(30);
  /** How soon after the database is back registrations must succeed again. */
  static final Duration RECOVERY = Duration.ofSeconds(15);
  static final int REGISTERING_CLIENTS = 6;
  static final int JOBS = 20;
  static final String JOB_PROCESS = "prueba-apagon";

  static ThrowawayPostgres database;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database = ThrowawayPostgres.start("mesa_outage");
    database.register(registry);
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired JdbcClient jdbc;

  /** One request and its answer, with when it was sent and answered (ms since the test began). */
  record Call(String what, long sentAt, long answeredAt, int status, String body, String retryAfter, String code) {

    /** What a request answers when it is served: a registration 201, a query 200. */
    int served() {
      return what.equals("registro") ? 201 : 200;
    }
  }

  final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  final AtomicBoolean running = new AtomicBoolean(true);
  long begin;

  /**
   * The cluster goes before Spring closes the application (after this class): the job executor, the
   * only one that would keep asking for the database meanwhile, stops first.
   */
  @AfterAll
  void dropDatabase() {
    try {
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
    } finally {
      database.drop();
    }
  }

  @Test
  void theApplicationAnswersThroughAnOutageAndRecoversWithoutLosingAnything() throws Exception {
    ApiClient api = new ApiClient(port);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", "tecnico", "demo")).isEqualTo(200);
    assertThat(api.post("/api/tickets", "usuario1", TicketRequests.support()).status()).isEqualTo(201);
    List<String> jobInstances = startInstancesWhoseJobsFallDueDuringTheOutage();

    begin = System.currentTimeMillis();
    ExecutorService clients = Executors.newFixedThreadPool(REGISTERING_CLIENTS + 3);
    List<Future<?>> load = new ArrayList<>();
    for (int i = 0; i < REGISTERING_CLIENTS; i++) {
      String user = i % 2 == 0 ? "usuario1" : "usuario2";
      load.add(clients.submit(() -> keepCalling("registro", () -> api.post("/api/tickets", user, TicketRequests.support()))));
    }
    load.add(clients.submit(() -> keepCalling("engine-rest",
        () -> api.get("/engine-rest/task?candidateGroup=tecnico-operativo&maxResults=5", "tecnico"))));
    load.add(clients.submit(() -> keepCalling("webapp", () -> reply(tasklist.get("/camunda/api/engine/engine/default/task/count")))));
    load.add(clients.submit(() -> keepCalling("health", () -> {
      Reply health = api.get("/actuator/health", null);
      sleep(500);
      return health;
    })));

    sleep(3_000);
    long stoppedAt = now();
    database.stopServer();
    log.info("PostgreSQL stopped at +{} ms (took {} ms)", stoppedAt, now() - stoppedAt);
    sleep(OUTAGE.toMillis() - (now() - stoppedAt));
    long restartingAt = now();
    database.startServer();
    long startedAt = now();
    log.info("PostgreSQL started again at +{} ms (took {} ms)", startedAt, startedAt - restartingAt);

    long recoveredAt = waitForFirstRegistrationSentAfter(startedAt);
    sleep(5_000);
    running.set(false);
    for (Future<?> client : load) client.get(30, TimeUnit.SECONDS);
    clients.shutdown();
    log.info("Outage figures: stopped +{} ms, started +{} ms, first registration after start answered 201 at +{} ms "
        + "({} ms after the start); calls {}", stoppedAt, startedAt, recoveredAt, recoveredAt - startedAt, summary());

    // Answered politely throughout, and refused for a reason while the database was away.
    for (Call call : calls) assertPolite(call);
    for (String what : List.of("registro", "engine-rest", "webapp")) {
      assertThat(calls).as("some %s request met the outage", what)
          .anyMatch(c -> c.what().equals(what) && c.status() == 503 && c.sentAt() >= stoppedAt && c.sentAt() < restartingAt);
    }
    assertThat(calls).as("the health endpoint said DOWN during the outage")
        .anyMatch(c -> c.what().equals("health") && c.status() == 503 && c.body().contains("DOWN"));

    // Back within seconds, without a restart: everything sent after the first success succeeds.
    assertThat(recoveredAt - startedAt).as("ms until registrations succeed again").isLessThan(RECOVERY.toMillis());
    assertThat(calls.stream().filter(c -> c.sentAt() > recoveredAt && !c.what().equals("health")))
        .as("requests sent after the recovery").isNotEmpty().allSatisfy(c -> assertThat(c.status()).as(c.toString()).isEqualTo(c.served()));
    Reply health = api.get("/actuator/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");

    assertNothingAcknowledgedIsLost();
    assertJobsRanWithoutSpendingRetries(jobInstances);
  }

  /**
   * {@value #JOBS} instances of a small process: a timer due 12 s after it starts (during the outage),
   * then an asynchronous step, each with the retry cycle of the help desk's outside calls (3 tries, 5
   * minutes apart): a retry spent on the outage would leave the instance waiting 5 minutes.
   */
  private List<String> startInstancesWhoseJobsFallDueDuringTheOutage() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(JOB_PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Espera").timerWithDuration("PT12S").camundaFailedJobRetryTimeCycle("R3/PT5M")
        .serviceTask("Trabajo").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT5M")
        .camundaExpression("${execution.setVariable('hecho', true)}")
        .endEvent()
        .done();
    repository.createDeployment().name(JOB_PROCESS).addModelInstance(JOB_PROCESS + ".bpmn", model).deploy();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) ids.add(runtime.startProcessInstanceByKey(JOB_PROCESS).getId());
    return ids;
  }

  private void keepCalling(String what, Supplier<Reply> request) {
    while (running.get()) {
      long sentAt = now();
      Reply reply;
      try {
        reply = request.get();
      } catch (RuntimeException e) {
        // No answer at all (a reset connection, a timeout) is a failure of the test as much as a 500.
        calls.add(new Call(what, sentAt, now(), -1, e.toString(), null, null));
        continue;
      }
      String code = reply.status() == 201 && reply.json() != null ? reply.json().get("code").asText() : null;
      calls.add(new Call(what, sentAt, now(), reply.status(), reply.body(), reply.header("Retry-After").orElse(null), code));
    }
  }

  private long waitForFirstRegistrationSentAfter(long startedAt) {
    long deadline = startedAt + RECOVERY.toMillis() + 10_000;
    while (now() < deadline) {
      synchronized (calls) {
        var first = calls.stream().filter(c -> c.what().equals("registro") && c.sentAt() >= startedAt && c.status() == 201)
            .mapToLong(Call::answeredAt).min();
        if (first.isPresent()) return first.getAsLong();
      }
      sleep(100);
    }
    throw new AssertionError("No registration succeeded within " + (deadline - startedAt) + " ms of the database's return: "
        + summary());
  }

  private static void assertPolite(Call call) {
    if (call.what().equals("health")) {
      assertThat(call.status()).as(call.toString()).isIn(200, 503);
      return;
    }
    assertThat(call.status()).as(call.toString()).isIn(call.served(), 503);
    if (call.status() == 503) {
      assertThat(call.retryAfter()).as(call.toString()).isNotNull();
      assertThat(Integer.parseInt(call.retryAfter())).isPositive();
      assertThat(call.body()).as(call.toString()).containsIgnoringCase("intente de nuevo")
          .doesNotContain("Exception", "SQL", "at org.", "at com.", "Connection");
    }
  }

  private void assertNothingAcknowledgedIsLost() {
    List<String> acknowledged;
    synchronized (calls) {
      acknowledged = calls.stream().filter(c -> c.what().equals("registro") && c.status() == 201)
          .map(Call::code).toList();
    }
    assertThat(acknowledged).isNotEmpty().doesNotHaveDuplicates();
    Set<String> stored = jdbc.sql("select code from ticket where process_instance_id is not null").query(String.class)
        .stream().collect(Collectors.toSet());
    assertThat(stored).containsAll(acknowledged);
    for (String code : acknowledged) {
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).count()).as(code).isEqualTo(1);
    }
    // Nothing half-registered either: one ticket per instance, one instance per ticket.
    long tickets = jdbc.sql("select count(*) from ticket").query(Long.class).single();
    long instances = history.createHistoricProcessInstanceQuery().processDefinitionKey(TicketVariables.PROCESS_KEY).count();
    assertThat(stored).hasSize((int) tickets);
    assertThat(instances).isEqualTo(tickets);
  }

  private void assertJobsRanWithoutSpendingRetries(List<String> instances) {
    long deadline = System.currentTimeMillis() + 40_000;
    while (history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).finished().count() < JOBS
        && System.currentTimeMillis() < deadline) {
      sleep(500);
    }
    List<HistoricJobLog> failures = history.createHistoricJobLogQuery().processDefinitionKey(JOB_PROCESS).failureLog().list();
    log.info("Jobs of {}: {} finished of {}, {} failed attempts logged ({}), incidents {}", JOB_PROCESS,
        history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).finished().count(), JOBS,
        failures.size(), failures.stream().map(f -> f.getJobExceptionMessage() + " (retries " + f.getJobRetries() + ")").distinct().toList(),
        history.createHistoricIncidentQuery().processDefinitionKey(JOB_PROCESS).count());
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(Set.copyOf(instances)).finished().count())
        .as("instances whose timer and asynchronous step both ran").isEqualTo(JOBS);
    assertThat(history.createHistoricIncidentQuery().processDefinitionKey(JOB_PROCESS).count()).isZero();
    assertThat(management.createJobQuery().processDefinitionKey(JOB_PROCESS).count()).isZero();
  }

  private String summary() {
    synchronized (calls) {
      return calls.stream().collect(Collectors.groupingBy(c -> c.what() + " " + c.status(), Collectors.counting())).toString();
    }
  }

  private static Reply reply(HttpResponse<String> response) {
    return new Reply(response.statusCode(), null, response.body(), response.headers());
  }

  private long now() {
    return System.currentTimeMillis() - begin;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
