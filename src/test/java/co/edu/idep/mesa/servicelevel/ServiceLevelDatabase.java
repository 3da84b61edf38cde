package co.edu.idep.mesa.servicelevel;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service levels without Spring: a database migrated by Flyway as the application does (a fresh
 * H2 in memory, or the PostgreSQL database a test names), the real decision table evaluated by
 * Camunda's DMN engine, the default working time, and the clock the test gives.
 */
public class ServiceLevelDatabase implements AutoCloseable {

  public final HikariDataSource dataSource;
  public final JdbcClient jdbc;
  public final JdbcTemplate template;
  public final TransactionTemplate transaction;
  public final ServiceLevels serviceLevels;
  public final WorkingTime workingTime =
      new WorkingTime(WorkingTimeProperties.defaults(), new ColombianHolidays());

  public ServiceLevelDatabase(String url, String user, Clock clock) {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(user);
    dataSource.setMaximumPoolSize(2);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    template = new JdbcTemplate(dataSource);
    transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    ServiceLevelTable table =
        ServiceLevelTable.fromClasspath(DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());
    serviceLevels = new ServiceLevels(new ServiceLevelRepository(template), table, workingTime, clock);
  }

  /** A fresh H2 database in memory, gone when closed. */
  public static ServiceLevelDatabase h2(Clock clock) {
    return new ServiceLevelDatabase("jdbc:h2:mem:sl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", clock);
  }

  /** A ticket row for the targets to belong to (they reference it). */
  public void ticket(String code, String topic, Instant created) {
    jdbc.sql("""
            insert into ticket (code, topic, subject, description, details, requester, state, created_at, updated_at)
            values (?, ?, 'Prueba', 'Prueba', '{}', 'usuario1', 'ASIGNADO', ?, ?)""")
        .params(code, topic, created.atOffset(ZoneOffset.UTC), created.atOffset(ZoneOffset.UTC))
        .update();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
