package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.PostgresApplicationTest;
import co.edu.idep.mesa.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The providers API on PostgreSQL, where a failed insert spoils its transaction: a code or number
 * taken meanwhile must still be a Spanish 400. Runs in CI (-Pci).
 */
@PostgresApplicationTest
class ProviderApiPostgresTest extends AbstractProviderApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_provider_api_test").register(registry);
  }
}
