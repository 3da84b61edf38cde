package co.edu.idep.mesa.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty database on the local PostgreSQL server (127.0.0.1:5432, trust authentication,
 * as CI provides it), so a test starts the application exactly as a first production start.
 */
public record PostgresDatabase(String url) {

  static final String SERVER = System.getProperty("mesa.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getProperty("mesa.test.postgres.user", "postgres");

  public static PostgresDatabase fresh(String name) {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + name + " with (force)");
      s.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL is not reachable at " + SERVER
          + " — .ci/run starts it; locally: pg_ctlcluster --skip-systemctl-redirect 15 main start", e);
    }
    return new PostgresDatabase(SERVER + name);
  }

  /** Connections of the test's own, e.g. to check what application nodes in other JVMs wrote. */
  public DataSource dataSource() {
    return new DriverManagerDataSource(url, USER, "");
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", this::url);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
  }
}
