package co.edu.idep.mesa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.PostgresDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application nodes on one PostgreSQL database, as production runs them behind a balancer
 * (README "Two or more nodes"): two whole applications in this JVM, each with its own web server,
 * engine, job executor, connection pool and mail sender, on one fresh database, delivering to one
 * SMTP server (GreenMail). Runs in CI (-Pci).
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesPostgresTest {

  static final int REGISTRATIONS = 1000;
  /** More than one node's pool (24 connections on the postgres profile) and admission limit (16). */
  static final int CLIENTS = 64;
  /** Instances of the probe, each with two jobs. */
  static final int INSTANCES = 300;
  static final int MAIL_REGISTRATIONS = 100;
  static final String PROBE = "cluster-probe";

  private GreenMail smtp;
  private ClusterNode a;
  private ClusterNode b;
  private JdbcClient jdbc;

  @BeforeAll
  void startTwoNodes() {
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    PostgresDatabase database = PostgresDatabase.fresh("mesa_cluster_test");
    a = ClusterNode.start("node-a", database, smtpPort, "200ms");
    b = ClusterNode.start("node-b", database, smtpPort, "200ms");
    jdbc = a.bean(JdbcClient.class);
  }

  @AfterAll
  void stop() {
    if (b != null) b.close();
    if (a != null) a.close();
    if (smtp != null) smtp.stop();
  }

  @Test
  @Order(2)
  void aThousandRegistrationsOverBothNodesAreAllPresentUniqueAndMatched() throws Exception {
    List<String> before = jdbc.sql("select code from ticket").query(String.class).list();
    Registrations.Outcome outcome = Registrations.send(List.of(a, b), REGISTRATIONS, CLIENTS);
    System.out.printf("[cluster] %d registrations by %d clients over 2 nodes in %.1f s (%.1f/s); %d answered 503"
        + " and were sent again; per node %s%n", outcome.codes().size(), CLIENTS, outcome.wallNanos() / 1e9,
        outcome.perSecond(), outcome.refused(), Arrays.toString(outcome.perNode()));

    assertThat(outcome.codes()).hasSize(REGISTRATIONS).doesNotHaveDuplicates()
        .allMatch(code -> code.matches("MDS-\\d{4}-\\d{6}")).doesNotContainAnyElementsOf(before);
    assertThat(outcome.perNode()).containsExactly(REGISTRATIONS / 2, REGISTRATIONS / 2);
    // The record holds exactly the codes answered, each with its own process instance, whose business
    // key is the code; and Camunda holds no instance without its ticket.
    List<String> stored = new java.util.ArrayList<>(jdbc.sql("select code from ticket").query(String.class).list());
    stored.removeAll(before);
    assertThat(stored).containsExactlyInAnyOrderElementsOf(outcome.codes());
    long matched = jdbc.sql("""
            select count(*) from ticket t join act_hi_procinst p on p.id_ = t.process_instance_id
            where p.business_key_ = t.code and p.proc_def_key_ = 'mesa-de-servicios'""")
        .query(Long.class).single();
    long instances = jdbc.sql("select count(*) from act_hi_procinst where proc_def_key_ = 'mesa-de-servicios'")
        .query(Long.class).single();
    long distinctInstances = jdbc.sql("select count(distinct process_instance_id) from ticket").query(Long.class).single();
    long all = before.size() + REGISTRATIONS;
    assertThat(matched).isEqualTo(all);
    assertThat(instances).isEqualTo(all);
    assertThat(distinctInstances).isEqualTo(all);
  }

  @Test
  @Order(3)
  void everyDueJobRunsOnceAcrossTheTwoNodes() {
    ProcessEngine engine = a.engine();
    assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel()
        .isHistoryEventProduced(org.camunda.bpm.engine.impl.history.event.HistoryEventTypes.JOB_SUCCESS, null))
        .as("the history level records job runs").isTrue();
    engine.getRepositoryService().createDeployment().name(PROBE).addModelInstance(PROBE + ".bpmn", probe()).deploy();
    ManagementService management = engine.getManagementService();
    // Held back while they are created, then made due all at once: both nodes' executors find them together.
    management.suspendJobDefinitionByProcessDefinitionKey(PROBE, false);
    for (int i = 0; i < INSTANCES; i++) engine.getRuntimeService().startProcessInstanceByKey(PROBE);
    assertThat(management.createJobQuery().processDefinitionKey(PROBE).suspended().count()).isEqualTo(INSTANCES);
    management.activateJobDefinitionByProcessDefinitionKey(PROBE, true);

    HistoryService history = engine.getHistoryService();
    waitUntil(Duration.ofMinutes(3), () -> engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PROBE).count() == 0);

    List<HistoricJobLog> successes = history.createHistoricJobLogQuery().processDefinitionKey(PROBE).successLog().list();
    Map<String, Long> runsPerJob = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId, Collectors.counting()));
    Map<String, Long> perNode = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getHostname, Collectors.counting()));
    Map<String, Long> perType = successes.stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobDefinitionType, Collectors.counting()));
    System.out.printf("[cluster] %d jobs ran: per node %s, per kind %s%n", runsPerJob.size(), perNode, perType);

    assertThat(perType).containsOnly(Map.entry("timer-intermediate-transition", (long) INSTANCES),
        Map.entry("async-continuation", (long) INSTANCES));
    assertThat(runsPerJob).hasSize(2 * INSTANCES);
    assertThat(runsPerJob.values()).as("successful runs of each job").containsOnly(1L);
    assertThat(history.createHistoricJobLogQuery().processDefinitionKey(PROBE).failureLog().count()).isZero();
    // Both executors took part: the once-only is the cluster's, not one node's doing all the work.
    assertThat(perNode).containsOnlyKeys("node-a", "node-b").allSatisfy((node, runs) -> assertThat(runs).isPositive());
    // The steps behind the jobs ran once: one activity instance each per process instance.
    for (String activity : List.of("due", "probe")) {
      assertThat(history.createHistoricActivityInstanceQuery().activityId(activity).finished().count())
          .as(activity).isEqualTo(INSTANCES);
    }
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(PROBE).completed().count())
        .isEqualTo(INSTANCES);
  }

  @Test
  @Order(4)
  void historyCleanupIsOneJobForTheWholeCluster() {
    // Each engine schedules the cleanup when it starts, under a lock in the database: one job, not one per node.
    List<org.camunda.bpm.engine.runtime.Job> cleanup = a.engine().getHistoryService().findHistoryCleanupJobs();
    assertThat(cleanup).hasSize(1);
    assertThat(b.engine().getHistoryService().findHistoryCleanupJobs()).extracting(org.camunda.bpm.engine.runtime.Job::getId)
        .containsExactly(cleanup.get(0).getId());
  }

  @Test
  @Order(1)
  void everyMailIsSentOnceByTheCluster() throws Exception {
    // First, so that the check waits for these messages only: the thousand registrations' two
    // thousand messages would take the senders minutes. Both senders run every 200 ms meanwhile.
    Registrations.send(List.of(a, b), MAIL_REGISTRATIONS, 16);
    waitUntil(Duration.ofMinutes(3), () -> jdbc.sql("select count(*) from mail_outbox where state in ('PENDIENTE', 'ENVIANDO')")
        .query(Long.class).single() == 0);

    Map<String, Long> states = jdbc.sql("select state, count(*) from mail_outbox group by state")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertThat(states).containsOnlyKeys("ENVIADO");
    // What the outbox recorded as sent is what arrived: one copy per recipient, never two.
    long recipients = jdbc.sql("select recipients from mail_outbox").query(String.class).list().stream()
        .mapToLong(list -> list.split(", ").length).sum();
    MimeMessage[] received = smtp.getReceivedMessages();
    Map<String, Long> copies = new HashMap<>();
    Map<String, Long> perNode = new HashMap<>();
    for (MimeMessage message : received) {
      String id = message.getMessageID();
      for (var to : message.getAllRecipients()) copies.merge(id + " " + to, 1L, Long::sum);
      perNode.merge(sender(message), 1L, Long::sum);
    }
    System.out.printf("[cluster] outbox %s; %d messages received, by node %s%n", states, received.length, perNode);
    assertThat(states.get("ENVIADO")).isGreaterThanOrEqualTo(MAIL_REGISTRATIONS);
    assertThat(copies).hasSize((int) recipients);
    assertThat(copies.values()).as("copies of one message to one recipient").containsOnly(1L);
    assertThat(perNode).containsOnlyKeys("node-a", "node-b");
    // The next tests' thousand registrations write two thousand messages more: sending them would
    // only slow those tests down.
    a.stopScheduledDuties();
    b.stopScheduledDuties();
  }

  /** The node that handed {@code message} to the server, from the HELO name in its Received header. */
  private static String sender(MimeMessage message) throws MessagingException {
    String[] received = message.getHeader("Received");
    String header = received == null ? "" : String.join(" ", received);
    return header.contains("node-a") ? "node-a" : header.contains("node-b") ? "node-b" : "unknown: " + header;
  }

  /**
   * start → a timer already due (a date in the past) → a service step that runs as a job of its own
   * → end: two jobs per instance, a timer and an asynchronous continuation.
   */
  static BpmnModelInstance probe() {
    return Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("due").timerWithDate("2020-01-01T00:00:00")
        .serviceTask("probe").camundaAsyncBefore().camundaExpression("${true}")
        .endEvent().done();
  }

  static void waitUntil(Duration limit, BooleanSupplier done) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("Not done within " + limit);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
