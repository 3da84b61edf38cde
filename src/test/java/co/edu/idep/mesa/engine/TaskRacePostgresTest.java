package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.support.PostgresApplicationTest;
import co.edu.idep.mesa.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The claim and completion races on PostgreSQL, whose row locks and isolation differ from H2's, with
 * the production profile's limits. Runs in CI (-Pci).
 */
@PostgresApplicationTest
class TaskRacePostgresTest extends AbstractTaskRaceTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_task_race_test").register(registry);
  }
}
