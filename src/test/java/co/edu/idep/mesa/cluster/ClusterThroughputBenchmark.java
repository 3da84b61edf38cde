package co.edu.idep.mesa.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.PostgresDatabase;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tickets per second with one node and with two nodes on one PostgreSQL (docs/benchmarks.md §6).
 * Two nodes start on a fresh database, with the job executor on as in production (the mail sender
 * off: its work is deferred and the same either way). "One node" sends every registration to node
 * A while B idles; "two nodes" alternates them, as the balancer does. The two alternate round by
 * round, so that neither always meets the fuller database. Per run: throughput, this JVM's CPU
 * (both nodes and the clients), the CPU of the PostgreSQL backends of this database, the machine's
 * busy share (/proc/stat: every process, other builds included), and what the active backends were
 * doing, sampled from pg_stat_activity every 20 ms (no wait event = on the CPU).
 *
 * <p>Run: {@code mvn test -Pbenchmark -Dtest=ClusterThroughputBenchmark}; sizes:
 * {@code -Dmesa.bench.cluster.requests=400 -Dmesa.bench.cluster.rounds=5 -Dmesa.bench.cluster.clients=16,32}.
 */
@Tag("benchmark")
class ClusterThroughputBenchmark {

  static final int REQUESTS = Integer.getInteger("mesa.bench.cluster.requests", 400);
  static final int ROUNDS = Integer.getInteger("mesa.bench.cluster.rounds", 5);
  static final List<Integer> CLIENTS = List.of(System.getProperty("mesa.bench.cluster.clients", "16,32").split(","))
      .stream().map(String::trim).map(Integer::parseInt).toList();
  static final int CORES = Runtime.getRuntime().availableProcessors();
  /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
  static final long NANOS_PER_TICK = 10_000_000L;

  record Run(String setup, int clients, int tickets, int refused, double seconds, double jvmCpu, double pgCpu,
      double machineBusy, Map<String, Long> waits) {
    double perSecond() {
      return tickets / seconds;
    }

    /** CPU milliseconds per ticket: the share of the machine times its capacity, per ticket. */
    double millisPerTicket(double share) {
      return share * seconds * CORES * 1000 / tickets;
    }
  }

  @Test
  void ticketsPerSecondOnOneNodeAndOnTwo() throws Exception {
    PostgresDatabase database = PostgresDatabase.fresh("mesa_cluster_bench");
    int smtpPort = TwoNodesPostgresTest.freePort();
    List<Run> runs = new ArrayList<>();
    try (ClusterNode a = ClusterNode.start("node-a", database, smtpPort, null);
        ClusterNode b = ClusterNode.start("node-b", database, smtpPort, null)) {
      JdbcClient jdbc = a.bean(JdbcClient.class);
      Map<String, List<ClusterNode>> setups = new LinkedHashMap<>();
      setups.put("one node", List.of(a));
      setups.put("two nodes", List.of(a, b));
      for (List<ClusterNode> nodes : setups.values()) Registrations.send(nodes, REQUESTS / 2, 16); // warm-up
      int sent = REQUESTS; // the warm-up's
      for (int round = 0; round < ROUNDS; round++) {
        List<String> order = new ArrayList<>(setups.keySet());
        if (round % 2 == 1) java.util.Collections.reverse(order);
        for (int clients : CLIENTS) {
          for (String setup : order) {
            Run run = measure(jdbc, setup, setups.get(setup), clients);
            sent += run.tickets();
            runs.add(run);
            System.out.printf(Locale.ROOT, "[cluster benchmark] round %d %-9s %3d clients: %6.1f tickets/s, JVM CPU"
                    + " %.0f%%, PostgreSQL CPU %.0f%%, machine busy %.0f%%, 503s %d, waits %s%n", round + 1, setup,
                clients, run.perSecond(), 100 * run.jvmCpu(), 100 * run.pgCpu(), 100 * run.machineBusy(),
                run.refused(), run.waits());
          }
        }
      }
      assertThat(jdbc.sql("select count(*) from ticket").query(Long.class).single()).isEqualTo(sent);
    }
    String report = report(runs);
    System.out.println(report);
    Path file = Path.of("target", "benchmarks", "cluster.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report, StandardCharsets.UTF_8);
  }

  private static Run measure(JdbcClient jdbc, String setup, List<ClusterNode> nodes, int clients) throws Exception {
    Map<String, Long> waits = new ConcurrentHashMap<>();
    AtomicBoolean sampling = new AtomicBoolean(true);
    AtomicLong samples = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (sampling.get()) {
        jdbc.sql("""
                select coalesce(wait_event_type || ':' || wait_event, 'CPU') from pg_stat_activity
                where datname = current_database() and state = 'active' and pid <> pg_backend_pid()""")
            .query(String.class).list().forEach(w -> waits.merge(w, 1L, Long::sum));
        samples.incrementAndGet();
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "pg-sampler");
    Set<Integer> backends = backends(jdbc);
    long pgBefore = cpuTicks(backends);
    long jvmBefore = jvmCpuNanos();
    long[] machineBefore = machine();
    sampler.start();
    Registrations.Outcome outcome = Registrations.send(nodes, REQUESTS, clients);
    sampling.set(false);
    sampler.join();
    long[] machineAfter = machine();
    backends.addAll(backends(jdbc));
    double wall = outcome.wallNanos() / 1e9;
    double capacity = wall * CORES;
    long busyTicks = (machineAfter[0] - machineBefore[0]);
    long allTicks = (machineAfter[1] - machineBefore[1]);
    // Per sample: how many active backends were in each state, on average.
    Map<String, Long> perHundredSamples = new TreeMap<>();
    waits.forEach((w, n) -> perHundredSamples.put(w, Math.round(100.0 * n / Math.max(1, samples.get()))));
    return new Run(setup, clients, outcome.codes().size(), outcome.refused(), wall,
        (jvmCpuNanos() - jvmBefore) / 1e9 / capacity, (cpuTicks(backends) - pgBefore) * NANOS_PER_TICK / 1e9 / capacity,
        allTicks == 0 ? 0 : (double) busyTicks / allTicks, perHundredSamples);
  }

  private static Set<Integer> backends(JdbcClient jdbc) {
    return new HashSet<>(jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
        .query(Integer.class).list());
  }

  /** User + system time of these PostgreSQL processes, in clock ticks; a process that ended adds nothing. */
  private static long cpuTicks(Set<Integer> pids) {
    long ticks = 0;
    for (int pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException gone) {
        // ended, or not readable
      }
    }
    return ticks;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The machine's busy and total clock ticks so far, over all cores (/proc/stat). */
  private static long[] machine() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < Math.min(f.length, 9); i++) total += Long.parseLong(f[i]);
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }

  static String report(List<Run> runs) {
    StringBuilder md = new StringBuilder();
    md.append(String.format(Locale.ROOT, "Cluster benchmark, %s, %d cores, %d rounds of %d registrations per setup%n%n",
        OffsetDateTime.now(), CORES, ROUNDS, REQUESTS));
    md.append("| setup | clients | tickets/s (median) | runs | JVM CPU | PostgreSQL CPU | CPU ms per ticket: JVM / PostgreSQL"
        + " | machine busy | 503s |\n");
    md.append("|---|---:|---:|---|---:|---:|---:|---:|---:|\n");
    for (int clients : CLIENTS) {
      for (String setup : List.of("one node", "two nodes")) {
        List<Run> these = runs.stream().filter(r -> r.setup().equals(setup) && r.clients() == clients).toList();
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %.0f %% | %.0f %% | %.1f / %.1f | %.0f %% | %d |%n",
            setup, clients, median(these.stream().map(Run::perSecond).toList()),
            String.join(", ", these.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.perSecond())).toList()),
            100 * median(these.stream().map(Run::jvmCpu).toList()), 100 * median(these.stream().map(Run::pgCpu).toList()),
            median(these.stream().map(r -> r.millisPerTicket(r.jvmCpu())).toList()),
            median(these.stream().map(r -> r.millisPerTicket(r.pgCpu())).toList()),
            100 * median(these.stream().map(Run::machineBusy).toList()), these.stream().mapToInt(Run::refused).sum()));
      }
    }
    md.append("\nActive PostgreSQL backends of this database per sample ×100, by wait event (CPU = none), mean of the"
        + " runs of a setup:\n\n");
    for (int clients : CLIENTS) {
      for (String setup : List.of("one node", "two nodes")) {
        Map<String, Long> total = new TreeMap<>();
        List<Run> these = runs.stream().filter(r -> r.setup().equals(setup) && r.clients() == clients).toList();
        these.forEach(r -> r.waits().forEach((w, n) -> total.merge(w, n, Long::sum)));
        total.replaceAll((w, n) -> Math.round((double) n / Math.max(1, these.size())));
        md.append(String.format(Locale.ROOT, "- %s, %d clients: %s%n", setup, clients, total));
      }
    }
    return md.toString();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
