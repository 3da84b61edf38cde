package co.edu.idep.mesa.benchmark;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The registration benchmark on the embedded default database (H2 in memory). Runs with -Pbenchmark. */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
@ActiveProfiles("test")
// One engine per JVM is registered as "default" for the REST API: close this one when done.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationBenchmarkH2 extends RegistrationBenchmark {

  @Override
  String database() {
    return "H2";
  }
}
