package co.edu.idep.mesa.benchmark;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The loan list benchmark on the embedded default database (H2 in memory). Runs with -Pbenchmark. */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"server.address=127.0.0.1", "mesa.test.context=loan-benchmark"})
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LoanListBenchmarkH2 extends LoanListBenchmark {

  @Override
  String database() {
    return "H2";
  }
}
