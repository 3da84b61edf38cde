package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The providers API on PostgreSQL, where a failed insert spoils its transaction: a code or number
 * taken meanwhile must still be a Spanish 400. Runs in CI (-Pci).
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mesa.demo-users.enabled=true", "mesa.demo-users.password=demo", "MESA_ADMIN_PASSWORD=demo"})
@ActiveProfiles({"postgres", "test"})
// One engine per JVM is registered as "default" for the REST API: close this one when done.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProviderApiPostgresTest extends AbstractProviderApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_provider_api_test").register(registry);
  }
}
