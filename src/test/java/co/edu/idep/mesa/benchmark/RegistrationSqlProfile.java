package co.edu.idep.mesa.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.benchmark.RegistrationBenchmark.Kind;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Where a registration's database work goes: the SQL statements executed per request, for the two
 * requests of {@link RegistrationBenchmark}, counted by H2's own query statistics (every session,
 * every statement, a batched row counted as one execution). One client, one request at a time.
 * Writes {@code target/benchmarks/sql-profile.md}. Run: {@code mvn -B -o test -Pbenchmark -Dtest=RegistrationSqlProfile}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ActiveProfiles("test")
// One engine per JVM is registered as "default" for the REST API: close this one when done.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationSqlProfile {

  static final int REQUESTS = 50;
  /** The verb and the first table it names: insert into T, update T, delete from T, select ... from T. */
  private static final Pattern STATEMENT = Pattern.compile(
      "^\\s*(insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([a-z_][a-z0-9_]*)",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcClient jdbc;

  record Statement(String sql, long executions) {}

  @Test
  void statementsPerRequest() throws Exception {
    repository.createDeployment().name("benchmark")
        .addModelInstance(RegistrationBenchmark.BARE_PROCESS + ".bpmn", RegistrationBenchmark.bareProcess())
        .deploy();
    RegistrationBenchmark.grantBareStartToRequesters(authorizations);
    ApiClient api = new ApiClient(port);
    String historyLevel = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getHistoryLevel().getName();
    StringBuilder md = new StringBuilder("### SQL statements per request (H2, history level " + historyLevel + ")\n\n");
    for (Kind kind : Kind.values()) {
      for (int i = 0; i < 20; i++) send(api, kind); // every cache filled, as in the benchmark
      jdbc.sql("set query_statistics_max_entries 1000").update();
      jdbc.sql("set query_statistics true").update();
      for (int i = 0; i < REQUESTS; i++) send(api, kind);
      List<Statement> statements = jdbc.sql("""
              select sql_statement, execution_count from information_schema.query_statistics
              where sql_statement not like '%query_statistics%'""")
          .query((rs, n) -> new Statement(rs.getString(1), rs.getLong(2))).list();
      jdbc.sql("set query_statistics false").update(); // also forgets what was counted
      md.append(table(kind, statements));
    }
    System.out.println(md);
    Path file = Path.of("target", "benchmarks", "sql-profile.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, md, StandardCharsets.UTF_8);
  }

  private static void send(ApiClient api, Kind kind) {
    Reply reply = api.postRaw(kind.path, kind.user, kind.body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(kind.status);
  }

  /**
   * Statements per request, grouped by verb and table, most frequent first. H2 counts two COMMITs
   * per JDBC transaction (the commit and the return to auto-commit), so they are shown as transactions.
   */
  private static String table(Kind kind, List<Statement> statements) {
    Map<String, Double> perRequest = new TreeMap<>();
    double total = 0;
    double commits = 0;
    for (Statement s : statements) {
      double n = (double) s.executions() / REQUESTS;
      if (s.sql().strip().equalsIgnoreCase("commit")) {
        commits += n;
        continue;
      }
      Matcher m = STATEMENT.matcher(s.sql());
      String key = m.find()
          ? m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("^select\\b.*", "select from")
              + " " + m.group(2).toLowerCase(Locale.ROOT)
          : s.sql().strip().split("\\s+")[0].toLowerCase(Locale.ROOT) + " (other)";
      perRequest.merge(key, n, Double::sum);
      total += n;
    }
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
        "**%s** (`%s`): %.1f SQL statements and %.1f transactions per request%n%n"
            + "| statement | per request |%n|---|---:|%n",
        kind.label, kind.path, total, commits / 2));
    perRequest.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> md.append(String.format(Locale.ROOT, "| `%s` | %.2f |%n", e.getKey(), e.getValue())));
    return md.append('\n').toString();
  }
}
