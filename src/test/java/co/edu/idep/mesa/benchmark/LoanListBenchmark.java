package co.edu.idep.mesa.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/loans?state=active} with an inventory of 10,000 assets and 100,000 loans already
 * returned (each of one to three assets), plus 150 loans out: the latency a technician sees, over
 * HTTP with Basic auth, from {@value #CLIENTS} clients at once. The goal is p95 under 50 ms. Printed,
 * not asserted (a benchmark, not a test of speed); every answer is checked. See docs/benchmarks.md.
 * Run: {@code mvn test -Pbenchmark -Dtest='LoanListBenchmark*'}.
 */
abstract class LoanListBenchmark {

  static final int ASSETS = 10_000;
  static final int PAST_LOANS = 100_000;
  static final int ACTIVE_LOANS = 150;
  static final int CLIENTS = Integer.getInteger("mesa.bench.clients", 4);
  static final int WARMUP = Integer.getInteger("mesa.bench.warmup", 400);
  static final int REQUESTS = Integer.getInteger("mesa.bench.requests", 2_000);

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  abstract String database();

  @Test
  void listingTheActiveLoans() throws Exception {
    long seeding = System.nanoTime();
    seed();
    System.out.printf("LoanListBenchmark %s: seeded %,d assets, %,d past and %d active loans in %.1f s%n", database(),
        ASSETS, PAST_LOANS, ACTIVE_LOANS, (System.nanoTime() - seeding) / 1e9);

    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/loans?state=active"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tecnico:demo".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).contains("\"state\":\"ACTIVO\"");
    // The fixed cost of any /api call (HTTP, Basic auth against the identity service, one indexed
    // lookup), measured alongside: a loan that does not exist, answered 404.
    HttpRequest baseline = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/loans/MDS-NINGUNO"))
        .headers(request.headers().map().entrySet().stream()
            .flatMap(e -> e.getValue().stream().flatMap(v -> java.util.stream.Stream.of(e.getKey(), v)))
            .toArray(String[]::new)).GET().build();
    run(http, request, WARMUP);
    run(http, baseline, WARMUP);
    List<Long> micros = run(http, request, REQUESTS);
    List<Long> fixed = run(http, baseline, REQUESTS);
    Collections.sort(micros);
    Collections.sort(fixed);
    System.out.printf("LoanListBenchmark %s: %d requests, %d clients: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
        + " (goal: p95 < 50 ms); answer %,d bytes%n", database(), REQUESTS, CLIENTS, at(micros, 0.50), at(micros, 0.95),
        at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0, first.body().length());
    System.out.printf("LoanListBenchmark %s: baseline (GET /api/loans/{unknown}, 404): p50 %.1f ms, p95 %.1f ms%n",
        database(), at(fixed, 0.50), at(fixed, 0.95));
  }

  private List<Long> run(HttpClient http, HttpRequest request, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<List<Long>>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(pool.submit(() -> {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count / CLIENTS; i++) {
          long start = System.nanoTime();
          HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
          times.add((System.nanoTime() - start) / 1000);
          if (response.statusCode() != 200 && response.statusCode() != 404) {
            throw new IllegalStateException("HTTP " + response.statusCode());
          }
        }
        return times;
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> client : clients) all.addAll(client.get());
    pool.shutdown();
    return all;
  }

  private static double at(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.ceil(quantile * sorted.size()) - 1) / 1000.0;
  }

  /** Assets BENCH-00000…, then loans in batches: the past ones two years back, the active ones due soon. */
  private void seed() {
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> assets = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      assets.add(new Object[] {tag(i), i % 2 == 0 ? "COMPUTO" : "COMUNICACIONES", "Equipo " + i, "Marca Modelo",
          "SN" + i, "Sede principal", i < ACTIVE_LOANS * 2 ? "PRESTADO" : "DISPONIBLE", now});
    }
    jdbc.batchUpdate("""
        insert into asset (tag, kind, description, brand_model, serial_number, location, state, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""", assets);
    LocalDate today = LocalDate.now();
    for (int from = 0; from < PAST_LOANS + ACTIVE_LOANS; from += 5_000) {
      List<Object[]> loans = new ArrayList<>();
      List<Object[]> lent = new ArrayList<>();
      for (int n = from; n < Math.min(from + 5_000, PAST_LOANS + ACTIVE_LOANS); n++) {
        boolean active = n >= PAST_LOANS;
        LocalDate start = active ? today.minusDays(n % 5) : today.minusDays(30 + n % 700);
        LocalDate end = start.plusDays(1 + n % 7);
        Timestamp back = active ? null : Timestamp.from(Instant.now().minus(20 + n % 700, ChronoUnit.DAYS));
        loans.add(new Object[] {n + 1L, String.format("MDS-B-%07d", n), "usuario" + (n % 300),
            n % 2 == 0 ? "COMPUTO" : "COMUNICACIONES", Date.valueOf(start), Date.valueOf(end), "Sala " + (n % 40),
            n % 3 == 0, active ? "ACTIVO" : "DEVUELTO", "Receptor " + n, "tecnico", now, back, now, now});
        int count = 1 + n % 3;
        for (int k = 0; k < count; k++) {
          int asset = active ? ((n - PAST_LOANS) * 2 + k) % (ACTIVE_LOANS * 2) : (n * 3 + k) % ASSETS;
          lent.add(new Object[] {n + 1L, tag(asset), active ? "PRESTADO" : "DEVUELTO", active ? null : "BUENO", back});
        }
      }
      jdbc.batchUpdate("""
          insert into loan (id, ticket_code, requester, kind, start_date, end_date, use_place, leaves_institute, state,
            received_by, handed_over_by, handed_over_at, returned_at, created_at, updated_at)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", loans);
      jdbc.batchUpdate("""
          insert into loan_asset (loan_id, asset_tag, state, return_condition, returned_at)
          values (?, ?, ?, ?, ?)""", dedupe(lent));
    }
    if (database().equals("PostgreSQL")) jdbc.execute("analyze");
  }

  /** A loan lists an asset once. */
  private static List<Object[]> dedupe(List<Object[]> rows) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return rows.stream().filter(r -> seen.add(r[0] + "/" + r[1])).toList();
  }

  private static String tag(int i) {
    return String.format("BENCH-%05d", i);
  }
}
