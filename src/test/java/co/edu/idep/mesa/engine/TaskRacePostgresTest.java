package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The claim and completion races on PostgreSQL, whose row locks and isolation differ from H2's, with
 * the production profile's limits. Runs in CI (-Pci).
 */
@Tag("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mesa.demo-users.enabled=true", "mesa.demo-users.password=demo", "MESA_ADMIN_PASSWORD=demo"})
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TaskRacePostgresTest extends AbstractTaskRaceTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_task_race_test").register(registry);
  }
}
