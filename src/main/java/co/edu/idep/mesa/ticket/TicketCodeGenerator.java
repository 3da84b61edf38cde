package co.edu.idep.mesa.ticket;

import java.time.Clock;
import java.time.Year;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Hands out codes {@code MDS-<year>-<6 digits>}, numbered per year from a database sequence of
 * that year ({@code ticket_number_2026}, ...).
 *
 * <p>The number is read inside the registering transaction, on its connection: a registration
 * never waits for a second pooled connection while holding one (with a pool full of such waiters,
 * none would ever be released). A sequence hands out each number once, on every node sharing the
 * database, and never takes it back: a registration that fails after taking its number leaves a
 * gap, and so may one in flight on a node that dies, or the numbers a database had cached ahead when
 * it stopped. Gaps are harmless: the code only has to be unique, and every count (reports, audit)
 * counts the ticket record, never the codes. No number twice, even across a crash: tested across a
 * kill in {@code crash/NodeCrashH2Test} and, with two nodes, {@code crash/NodeCrashPostgresTest}.
 *
 * <p>Sequences are created ahead of time, outside any request: the current and the next year at
 * start-up, and the year after as soon as a new year's first code is taken.
 */
@Component
@DependsOn("flywayInitializer")
public class TicketCodeGenerator implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(TicketCodeGenerator.class);
  static final int MAX_NUMBER = 999_999;

  private final JdbcClient jdbc;
  private final JdbcTemplate ddl;
  private final Clock clock;
  private final boolean postgres;
  private final Set<Integer> ready = ConcurrentHashMap.newKeySet();

  public TicketCodeGenerator(JdbcClient jdbc, DataSource dataSource, Clock clock) {
    this.jdbc = jdbc;
    this.ddl = new JdbcTemplate(dataSource);
    this.clock = clock;
    this.postgres = isPostgres(dataSource);
  }

  @Override
  public void afterPropertiesSet() {
    int year = Year.now(clock).getValue();
    ensureSequence(year);
    ensureSequence(year + 1);
  }

  /** The next code of {@code year}; call it inside the transaction that stores the ticket. */
  public String next(int year) {
    if (!ready.contains(year + 1)) {
      // A new year has begun while running: prepare the next one in the background, so that no
      // registration ever creates a sequence (DDL) inside its own transaction.
      CompletableFuture.runAsync(() -> ensureSequence(year + 1)).exceptionally(e -> {
        log.error("Could not create the ticket sequence of {}; retried at the next registration", year + 1, e);
        return null;
      });
    }
    long number = jdbc.sql(postgres ? "select nextval('" + sequence(year) + "')"
        : "select next value for " + sequence(year)).query(Long.class).single();
    if (number > MAX_NUMBER) {
      throw new IllegalStateException("The ticket numbers of " + year + " are exhausted");
    }
    return "MDS-%d-%06d".formatted(year, number);
  }

  /**
   * Creates the year's sequence unless it exists, starting after the highest code of that year
   * already stored (a database numbered by an earlier version continues where it was). Runs on a
   * connection of its own, in auto-commit: H2 commits any open transaction on DDL.
   */
  void ensureSequence(int year) {
    if (ready.contains(year)) return;
    Integer highest = ddl.queryForObject(
        "select max(cast(substring(code, 10, 6) as integer)) from ticket where code like ?",
        Integer.class, "MDS-" + year + "-%");
    long start = (highest == null ? 0 : highest) + 1;
    try {
      ddl.execute("create sequence if not exists " + sequence(year) + " start with " + start
          + " increment by 1 minvalue 1 maxvalue " + (MAX_NUMBER + 1) + " no cycle");
    } catch (DataAccessException e) {
      // PostgreSQL's IF NOT EXISTS is not atomic between two nodes: the other node's is as good.
      if (!exists(year)) throw e;
      log.info("Sequence {} was created by another node at the same time", sequence(year));
    }
    ready.add(year);
  }

  private boolean exists(int year) {
    return ddl.queryForObject("select count(*) from information_schema.sequences where lower(sequence_name) = ?",
        Integer.class, sequence(year)) > 0;
  }

  static String sequence(int year) {
    if (year < 2000 || year > 9999) throw new IllegalArgumentException("year " + year);
    return "ticket_number_" + year;
  }

  private static boolean isPostgres(DataSource dataSource) {
    try {
      String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
      return product.toLowerCase().contains("postgres");
    } catch (Exception e) {
      throw new IllegalStateException("Cannot tell which database this is", e);
    }
  }
}
