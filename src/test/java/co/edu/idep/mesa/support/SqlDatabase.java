package co.edu.idep.mesa.support;

import java.util.UUID;

/** Where a test of one capability's SQL runs: a URL and its user, on H2 or on PostgreSQL. */
public record SqlDatabase(String url, String user) {

  /** A fresh in-memory H2 database of the test's own, kept while the JVM lives. */
  public static SqlDatabase h2(String name) {
    return new SqlDatabase("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa");
  }

  /** A fresh PostgreSQL database {@code name}, dropped first if a run left it behind. */
  public static SqlDatabase postgres(String name) {
    return new SqlDatabase(PostgresDatabase.fresh(name).url(), PostgresDatabase.USER);
  }
}
