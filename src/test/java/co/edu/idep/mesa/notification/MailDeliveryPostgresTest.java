package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;

/** The outbox on PostgreSQL, as production runs it: the same claims hold between two nodes there. */
@Tag("postgres")
class MailDeliveryPostgresTest extends AbstractMailDeliveryTest {

  private final PostgresDatabase database = PostgresDatabase.fresh("mesa_outbox_test");

  @Override
  protected String url() {
    return database.url();
  }

  @Override
  protected String user() {
    return System.getProperty("mesa.test.postgres.user", "postgres");
  }
}
