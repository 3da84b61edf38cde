package co.edu.idep.mesa.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Throughput of {@code POST /api/tickets} next to a bare Camunda start of a one-user-task process,
 * measured in the same run, on the same engine and database, through the same HTTP + Basic-auth
 * path ({@code POST /engine-rest/process-definition/key/bare-start/start}). The ratio bare / ticket
 * throughput is the cost of a registration in bare starts; the goal is at most 1.5. It is printed,
 * not asserted: this is a benchmark, not a test of speed. Every request is checked and any failure
 * fails the run, because a benchmark of failing requests measures nothing.
 *
 * <p>Besides wall-clock figures it reports the CPU time spent per request (this JVM, which holds
 * the server, the clients and, for H2, the database; plus the PostgreSQL backends where they can be
 * read), a figure that other load on a shared machine disturbs much less than throughput.
 *
 * <p>Subclasses choose the database. Run: {@code mvn -B -o test -Pbenchmark -Dtest='RegistrationBenchmark*'};
 * sizes can be changed with {@code -Dmesa.bench.clients=8 -Dmesa.bench.warmup=600
 * -Dmesa.bench.requests=1500 -Dmesa.bench.rounds=3 -Dmesa.bench.cap-seconds=120}. See docs/benchmarks.md.
 */
abstract class RegistrationBenchmark {

  static final String BARE_PROCESS = "bare-start";
  static final double GOAL = 1.5;

  static final int CLIENTS = Integer.getInteger("mesa.bench.clients", 8);
  /** Warm-up requests per kind (not measured), sent in two halves that alternate with the other kind. */
  static final int WARMUP = Integer.getInteger("mesa.bench.warmup", 600);
  /** Measured requests per kind, split evenly over the rounds. */
  static final int REQUESTS = Integer.getInteger("mesa.bench.requests", 1500);
  static final int ROUNDS = Integer.getInteger("mesa.bench.rounds", 3);
  /** Upper bound on the wall time of one timed batch (one kind, one round). */
  static final Duration CAP = Duration.ofSeconds(Integer.getInteger("mesa.bench.cap-seconds", 120));

  private static final Pattern TICKET_CREATED =
      Pattern.compile("\\{\"code\":\"MDS-\\d{4}-\\d{6}\",\"state\":\"ASIGNADO\"}");
  private static final Pattern INSTANCE_STARTED =
      Pattern.compile(".*\"definitionId\":\"" + BARE_PROCESS + ":.*\"ended\":false.*", Pattern.DOTALL);

  /** The two requests that are compared. */
  enum Kind {
    BARE("bare start", "/engine-rest/process-definition/key/" + BARE_PROCESS + "/start", "usuario1", "{}", 200,
        INSTANCE_STARTED),
    TICKET("ticket registration", "/api/tickets", "usuario2", ticketBody(), 201, TICKET_CREATED);

    final String label;
    final String path;
    final String user;
    final String body;
    final int status;
    final Pattern reply;

    Kind(String label, String path, String user, String body, int status, Pattern reply) {
      this.label = label;
      this.path = path;
      this.user = user;
      this.body = body;
      this.status = status;
      this.reply = reply;
    }
  }

  /** The body of {@code AbstractTicketApiTest.support()}: a technical-support incident. */
  static String ticketBody() {
    return """
        {"topic":"SOPORTE_TECNICO","subject":"El computador no enciende",\
        "description":"Desde esta mañana el equipo no enciende.","location":"Sede principal, piso 2"}""";
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  /** Short name of the database, for the report and its file name. */
  abstract String database();

  /** CPU time used so far by the database server outside this JVM, in nanoseconds; 0 if none or unknown. */
  long databaseCpuNanos() {
    return 0;
  }

  /** How {@link #databaseCpuNanos()} is obtained, for the report; null if the database runs in this JVM. */
  String databaseCpuSource() {
    return null;
  }

  @Test
  void registrationAgainstBareStart() throws Exception {
    repository.createDeployment().name("benchmark")
        .addModelInstance(BARE_PROCESS + ".bpmn", bareProcess())
        .deploy();
    grantBareStartToRequesters(authorizations);
    smokeTest();

    List<HttpClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build());
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    Map<Kind, List<Batch>> measured = new EnumMap<>(Kind.class);
    int[] sent = new int[Kind.values().length];
    try {
      for (Kind kind : List.of(Kind.BARE, Kind.TICKET, Kind.BARE, Kind.TICKET)) {
        Batch warmup = run(pool, clients, kind, WARMUP / 2);
        sent[kind.ordinal()] += warmup.completed();
        assertNoFailure(warmup);
      }
      int perRound = Math.max(1, REQUESTS / ROUNDS);
      for (int round = 0; round < ROUNDS; round++) {
        for (Kind kind : order(round)) {
          Batch batch = run(pool, clients, kind, perRound);
          sent[kind.ordinal()] += batch.completed();
          measured.computeIfAbsent(kind, k -> new ArrayList<>()).add(batch);
          assertNoFailure(batch);
          System.out.printf(Locale.ROOT,
              "[benchmark %s] round %d %-20s %5d req in %6.2f s = %7.1f req/s, CPU %.2f ms/req%n",
              database(), round + 1, kind.label, batch.completed(), batch.wallNanos() / 1e9, batch.throughput(),
              batch.cpuPerRequestMillis());
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    // Every accepted request left its trace: one ticket per registration, one instance per start
    // (the smoke test sent one of each more).
    assertThat(jdbc.sql("select count(*) from ticket where requester = ?").param(Kind.TICKET.user)
        .query(Long.class).single()).isEqualTo(sent[Kind.TICKET.ordinal()] + 1L);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(BARE_PROCESS).count())
        .isEqualTo(sent[Kind.BARE.ordinal()] + 1L);

    String report = report(measured);
    System.out.println(report);
    Path file = Path.of("target", "benchmarks", database().toLowerCase(Locale.ROOT) + ".md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report, StandardCharsets.UTF_8);
    System.out.println("[benchmark " + database() + "] written to " + file.toAbsolutePath());
  }

  /** Which kind goes first alternates, so that neither always runs on the warmer or fuller database. */
  private static List<Kind> order(int round) {
    return round % 2 == 0 ? List.of(Kind.BARE, Kind.TICKET) : List.of(Kind.TICKET, Kind.BARE);
  }

  static BpmnModelInstance bareProcess() {
    return Bpmn.createExecutableProcess(BARE_PROCESS).camundaHistoryTimeToLive(180)
        .startEvent().userTask().endEvent().done();
  }

  /**
   * Requesters may start the bare process as they may start "Mesa de Servicios", so that with
   * Camunda authorizations on, both requests pass the same checks (without them this changes nothing).
   */
  static void grantBareStartToRequesters(AuthorizationService authorizations) {
    Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(Roles.REQUESTERS);
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(BARE_PROCESS);
    grant.addPermission(ProcessDefinitionPermissions.READ);
    grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(grant);
  }

  /** One request of each kind through the tests' own client, checked in detail, before any timing. */
  private void smokeTest() {
    ApiClient api = new ApiClient(port);
    Reply ticket = api.postRaw(Kind.TICKET.path, Kind.TICKET.user, Kind.TICKET.body);
    assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
    assertThat(ticket.body()).matches(TICKET_CREATED);
    Reply bare = api.postRaw(Kind.BARE.path, Kind.BARE.user, Kind.BARE.body);
    assertThat(bare.status()).as(bare.body()).isEqualTo(200);
    assertThat(bare.body()).matches(INSTANCE_STARTED);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(bare.json().get("id").asText()).count())
        .isEqualTo(1);
  }

  // ------------------------------------------------------------------ load

  /** One timed batch: {@code requested} requests of one kind by {@link #CLIENTS} concurrent clients. */
  record Batch(Kind kind, int requested, long[] latencyNanos, long wallNanos, long cpuNanos, int failures,
      List<String> failureExamples) {
    int completed() {
      return latencyNanos.length;
    }

    double throughput() {
      return completed() / (wallNanos / 1e9);
    }

    double cpuPerRequestMillis() {
      return cpuNanos / 1e6 / completed();
    }
  }

  private Batch run(ExecutorService pool, List<HttpClient> clients, Kind kind, int count) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + port + kind.path);
    String authorization = "Basic " + Base64.getEncoder()
        .encodeToString((kind.user + ":demo").getBytes(StandardCharsets.UTF_8));
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicLong lastEnd = new AtomicLong();
    List<String> examples = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch ready = new CountDownLatch(clients.size());
    CountDownLatch go = new CountDownLatch(1);
    long[] start = new long[1];

    List<Future<?>> workers = new ArrayList<>();
    for (HttpClient client : clients) {
      workers.add(pool.submit(() -> {
        ready.countDown();
        go.await();
        long deadline = start[0] + CAP.toNanos();
        int slot;
        // Bounded twice: by the time cap and by the number of requests. Every slot taken is sent.
        while (System.nanoTime() < deadline && (slot = next.getAndIncrement()) < count) {
          HttpRequest request = HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(kind.body, StandardCharsets.UTF_8))
              .build();
          long t0 = System.nanoTime();
          String problem;
          try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            problem = response.statusCode() != kind.status
                ? "HTTP " + response.statusCode() + ": " + abbreviate(response.body())
                : kind.reply.matcher(response.body()).matches() ? null : "unexpected reply: " + abbreviate(response.body());
          } catch (IOException e) {
            problem = e.toString();
          }
          long t1 = System.nanoTime();
          latencies[slot] = t1 - t0;
          lastEnd.accumulateAndGet(t1, Math::max);
          if (problem != null) {
            failures.incrementAndGet();
            if (examples.size() < 5) examples.add(problem);
          }
        }
        return null;
      }));
    }
    ready.await();
    long cpuBefore = cpuNanos();
    start[0] = System.nanoTime();
    go.countDown();
    for (Future<?> worker : workers) worker.get();
    long cpu = cpuNanos() - cpuBefore;

    // Slots are taken in order and every slot taken was sent, so the first ones are the completed ones.
    long[] done = Arrays.copyOf(latencies, Math.min(count, next.get()));
    return new Batch(kind, count, done, lastEnd.get() - start[0], cpu, failures.get(), List.copyOf(examples));
  }

  private long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() + databaseCpuNanos();
  }

  private static void assertNoFailure(Batch batch) {
    assertThat(batch.failures())
        .as("failed %s requests (first ones: %s)", batch.kind().label, batch.failureExamples())
        .isZero();
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  // ------------------------------------------------------------------ report

  private String report(Map<Kind, List<Batch>> measured) throws SQLException {
    Map<Kind, Summary> summaries = new EnumMap<>(Kind.class);
    measured.forEach((kind, batches) -> summaries.put(kind, Summary.of(batches)));
    Summary bare = summaries.get(Kind.BARE);
    Summary ticket = summaries.get(Kind.TICKET);
    double ratio = bare.throughput() / ticket.throughput();

    StringBuilder md = new StringBuilder();
    md.append("### ").append(database()).append("\n\n");
    md.append(environment()).append("\n\n");
    md.append("| request | measured | failures | wall time (s) | throughput (req/s) | mean (ms) | p50 (ms) "
        + "| p95 (ms) | p99 (ms) | max (ms) | CPU per request (ms) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Kind kind : Kind.values()) {
      Summary s = summaries.get(kind);
      md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
          kind.label, s.completed(), s.failures(), s.wallNanos() / 1e9, s.throughput(), s.mean(),
          s.percentile(50), s.percentile(95), s.percentile(99), s.percentile(100), s.cpuPerRequestMillis()));
    }
    md.append("\nThroughput per round (req/s), in the order run:");
    for (int round = 0; round < ROUNDS; round++) {
      List<String> parts = new ArrayList<>();
      for (Kind kind : order(round)) {
        Batch b = measured.get(kind).get(round);
        parts.add(String.format(Locale.ROOT, "%s %.1f%s", kind == Kind.BARE ? "bare" : "ticket", b.throughput(),
            b.completed() < b.requested() ? " (time cap hit: " + b.completed() + "/" + b.requested() + ")" : ""));
      }
      md.append(round == 0 ? " " : "; ").append(round + 1).append(": ").append(String.join(", ", parts));
    }
    md.append(".\n\n");
    md.append(String.format(Locale.ROOT,
        "**Cost ratio** (bare-start throughput / ticket throughput): **%.2f×** — goal ≤ %.1f×: **%s**. "
            + "Mean latency ratio %.2f×; CPU-per-request ratio %.2f×.%n",
        ratio, GOAL, ratio <= GOAL ? "holds" : "does not hold", ticket.mean() / bare.mean(),
        ticket.cpuPerRequestMillis() / bare.cpuPerRequestMillis()));
    return md.toString();
  }

  private String environment() throws SQLException {
    String db;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      db = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }
    // The level's name, not the id in ACT_GE_PROPERTY: full-without-variable-details shares full's id.
    String historyLevel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryLevel().getName();
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    return String.format(Locale.ROOT,
        "Run %s; %s; %d concurrent clients (java.net.http, HTTP/1.1, loopback); warm-up %d requests per kind; "
            + "%d rounds of %d requests per kind, alternating which goes first; %d processors, "
            + "JVM max heap %d MiB, Java %s%s; Camunda history level %s. CPU per request: this JVM%s.",
        OffsetDateTime.now(ZoneId.of("America/Bogota")).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")),
        db, CLIENTS, WARMUP, ROUNDS, Math.max(1, REQUESTS / ROUNDS),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), jvmOptions.isEmpty() ? "" : " " + jvmOptions, historyLevel,
        databaseCpuSource() == null ? " (server, clients and database)" : " (server and clients) + " + databaseCpuSource());
  }

  /** All measured batches of one kind together. */
  record Summary(long[] sorted, long wallNanos, long cpuNanos, int failures) {
    static Summary of(List<Batch> batches) {
      long[] all = batches.stream().flatMapToLong(b -> Arrays.stream(b.latencyNanos())).sorted().toArray();
      return new Summary(all, batches.stream().mapToLong(Batch::wallNanos).sum(),
          batches.stream().mapToLong(Batch::cpuNanos).sum(), batches.stream().mapToInt(Batch::failures).sum());
    }

    int completed() {
      return sorted.length;
    }

    double throughput() {
      return completed() / (wallNanos / 1e9);
    }

    double cpuPerRequestMillis() {
      return cpuNanos / 1e6 / completed();
    }

    double mean() {
      return Arrays.stream(sorted).average().orElse(0) / 1e6;
    }

    /** Nearest-rank percentile, in milliseconds. */
    double percentile(double p) {
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
  }
}
