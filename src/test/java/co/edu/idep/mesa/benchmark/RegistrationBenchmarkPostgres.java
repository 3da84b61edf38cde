package co.edu.idep.mesa.benchmark;

import co.edu.idep.mesa.support.PostgresDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The registration benchmark on PostgreSQL, the production database: a fresh database on the local
 * server (127.0.0.1:5432), set up as on a first production start. Runs with -Pbenchmark.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mesa.demo-users.enabled=true", "mesa.demo-users.password=demo", "server.address=127.0.0.1"})
@ActiveProfiles({"postgres", "test"})
// One engine per JVM is registered as "default" for the REST API: close this one when done.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationBenchmarkPostgres extends RegistrationBenchmark {

  /** Linux reports process times in clock ticks of 1/100 s (USER_HZ). */
  private static final long NANOS_PER_TICK = 10_000_000L;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_benchmark").register(registry);
  }

  @Override
  String database() {
    return "PostgreSQL";
  }

  @Override
  String databaseCpuSource() {
    return Files.isReadable(Path.of("/proc/self/stat"))
        ? "the PostgreSQL backends serving this database (from /proc; WAL writer and other server processes not counted)"
        : "nothing for PostgreSQL (/proc not readable)";
  }

  /** User + system time of the server processes that serve this database's connections. */
  @Override
  long databaseCpuNanos() {
    List<Integer> backends = jdbc.sql("select pid from pg_stat_activity where datname = current_database()")
        .query(Integer.class).list();
    long ticks = 0;
    for (int pid : backends) {
      try {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      } catch (IOException | RuntimeException gone) {
        // A backend that ended (or a server we cannot see) adds nothing.
      }
    }
    return ticks * NANOS_PER_TICK;
  }
}
