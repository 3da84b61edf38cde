package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.support.MigratedDatabase;
import co.edu.idep.mesa.support.SqlDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sixteen technicians reserve overlapping sets of the same six assets for the same days at once,
 * through a pool of fewer connections than they are, each in a transaction of its own as each
 * reservation job runs: exactly one loan wins each asset. On PostgreSQL (CI) the transactions are as
 * separate as on two application nodes sharing the database.
 */
abstract class AbstractLoanReservationRaceTest {

  private static final Instant NOW = Instant.parse("2026-11-30T15:00:00Z");
  private static final LocalDate START = LocalDate.parse("2026-12-07");
  private static final LocalDate END = LocalDate.parse("2026-12-09");
  private static final int TECHNICIANS = 16;
  private static final int ASSETS = 6;

  private HikariDataSource dataSource;
  private JdbcClient jdbc;
  private LoanReservations reservations;
  private TransactionTemplate transaction;

  private final SqlDatabase database;

  protected AbstractLoanReservationRaceTest(SqlDatabase database) {
    this.database = database;
  }

  @BeforeEach
  void migrate() {
    dataSource = MigratedDatabase.at(database.url(), database.user(), 6);
    JdbcTemplate template = new JdbcTemplate(dataSource);
    jdbc = JdbcClient.create(template);
    AssetRepository assets = new AssetRepository(template);
    reservations = new LoanReservations(new LoanRepository(template), assets,
        Clock.fixed(NOW, ZoneId.of("America/Bogota")));
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    for (int i = 0; i < ASSETS; i++) {
      assets.insert(new Asset(tag(i), AssetKind.COMPUTO, "Portátil " + i, null, null, null, AssetState.DISPONIBLE, NOW));
    }
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void exactlyOneLoanWinsEachAsset() throws Exception {
    // Six want one asset each, ten want overlapping pairs and triples: every asset is wanted alone
    // by someone, so every asset ends on exactly one loan.
    List<List<String>> wanted = new ArrayList<>();
    for (int i = 0; i < TECHNICIANS; i++) {
      wanted.add(i < ASSETS ? List.of(tag(i))
          : i % 2 == 0 ? List.of(tag(i % ASSETS), tag((i + 1) % ASSETS))
          : List.of(tag(i % ASSETS), tag((i + 2) % ASSETS), tag((i + 3) % ASSETS)));
    }
    Map<String, List<String>> won = new ConcurrentHashMap<>();
    Map<String, String> refused = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(TECHNICIANS);
    List<Future<?>> runs = new ArrayList<>();
    for (int i = 0; i < TECHNICIANS; i++) {
      String code = "MDS-2026-9" + String.format("%05d", i);
      List<String> tags = wanted.get(i);
      runs.add(pool.submit(() -> {
        start.await();
        LoanTerms terms = new LoanTerms(code, "usuario" + code.substring(code.length() - 2), AssetKind.COMPUTO,
            START, END, "Auditorio", false);
        // A job that fails on the database (a lock wait that timed out) is retried by the engine.
        for (int attempt = 1; ; attempt++) {
          try {
            transaction.executeWithoutResult(status -> reservations.reserve(terms, tags));
            won.put(code, tags);
            return null;
          } catch (AssetUnavailableException e) {
            refused.put(code, e.tag());
            return null;
          } catch (DataAccessException e) {
            if (attempt == 5) throw e;
          }
        }
      }));
    }
    start.countDown();
    for (Future<?> run : runs) run.get(60, TimeUnit.SECONDS);
    pool.shutdown();

    assertThat(won.size() + refused.size()).isEqualTo(TECHNICIANS);
    List<Map<String, Object>> holders = jdbc.sql("""
            select la.asset_tag, l.ticket_code from loan_asset la join loan l on l.id = la.loan_id
            where la.state = 'RESERVADO' order by la.asset_tag""").query().listOfRows();
    for (int i = 0; i < ASSETS; i++) {
      String tag = tag(i);
      assertThat(holders).as("loans holding %s", tag).filteredOn(row -> tag.equals(row.get("asset_tag"))).hasSize(1);
    }
    // A winner holds all it wanted; a refused reservation left nothing behind, not even its loan.
    won.forEach((code, tags) -> assertThat(holders).filteredOn(row -> code.equals(row.get("ticket_code")))
        .extracting(row -> row.get("asset_tag")).containsExactlyInAnyOrderElementsOf(tags));
    assertThat(jdbc.sql("select count(*) from loan").query(Long.class).single()).isEqualTo(won.size());
    refused.forEach((code, tag) -> assertThat(won.values()).anySatisfy(tags -> assertThat(tags).contains(tag)));
  }

  private static String tag(int i) {
    return "RACE-" + i;
  }
}
