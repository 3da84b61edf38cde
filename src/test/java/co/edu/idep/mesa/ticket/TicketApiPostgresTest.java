package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.support.PostgresApplicationTest;
import co.edu.idep.mesa.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API on PostgreSQL, the production database: a fresh database on the local server, migrated
 * by Flyway and set up by the engine exactly as in production. Runs in CI (-Pci).
 */
@PostgresApplicationTest
class TicketApiPostgresTest extends AbstractTicketApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_api_test").register(registry);
  }
}
