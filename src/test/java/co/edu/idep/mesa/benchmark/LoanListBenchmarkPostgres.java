package co.edu.idep.mesa.benchmark;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The loan list benchmark on PostgreSQL (127.0.0.1:5432, a fresh database). Runs with -Pbenchmark. */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mesa.demo-users.enabled=true", "mesa.demo-users.password=demo", "server.address=127.0.0.1"})
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanListBenchmarkPostgres extends LoanListBenchmark {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_loan_benchmark").register(registry);
  }

  @Override
  String database() {
    return "PostgreSQL";
  }
}
