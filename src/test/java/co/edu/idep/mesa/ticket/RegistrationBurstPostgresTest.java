package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bursts of registrations on PostgreSQL, with the production profile's limits. Runs in CI (-Pci). */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mesa.demo-users.enabled=true", "mesa.demo-users.password=demo", "MESA_ADMIN_PASSWORD=demo"})
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationBurstPostgresTest extends AbstractRegistrationBurstTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_burst_test").register(registry);
  }
}
