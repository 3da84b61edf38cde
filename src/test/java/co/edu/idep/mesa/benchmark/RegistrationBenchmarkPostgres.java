package co.edu.idep.mesa.benchmark;

import co.edu.idep.mesa.support.PostgresDatabase;
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

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_benchmark").register(registry);
  }

  @Override
  String database() {
    return "PostgreSQL";
  }
}
