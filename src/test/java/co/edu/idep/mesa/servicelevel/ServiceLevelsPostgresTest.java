package co.edu.idep.mesa.servicelevel;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;

/** The service levels on PostgreSQL, as production runs them: the same SQL, the same timestamps. */
@Tag("postgres")
class ServiceLevelsPostgresTest extends AbstractServiceLevelsTest {

  @Override
  protected ServiceLevelDatabase database(TestClock clock) {
    return new ServiceLevelDatabase(PostgresDatabase.fresh("mesa_service_levels_test").url(),
        System.getProperty("mesa.test.postgres.user", "postgres"), clock);
  }
}
