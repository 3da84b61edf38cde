package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.support.PostgresApplicationTest;
import co.edu.idep.mesa.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Bursts of registrations on PostgreSQL, with the production profile's limits. Runs in CI (-Pci). */
@PostgresApplicationTest
class RegistrationBurstPostgresTest extends AbstractRegistrationBurstTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_burst_test").register(registry);
  }
}
