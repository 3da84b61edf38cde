package co.edu.idep.mesa.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A database with the application's schema and nothing else: Flyway's migrations run on it, as on a
 * first start. For tests of one capability's SQL on H2 and on PostgreSQL, without the application.
 */
public final class MigratedDatabase {

  private MigratedDatabase() {}

  /** A pool of {@code connections} on {@code url}, migrated; the caller closes it. */
  public static HikariDataSource at(String url, String user, int connections) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(user);
    dataSource.setMaximumPoolSize(connections);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    return dataSource;
  }
}
