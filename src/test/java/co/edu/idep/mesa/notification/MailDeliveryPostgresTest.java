package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.support.SqlDatabase;
import org.junit.jupiter.api.Tag;

/** The outbox on PostgreSQL, as production runs it: the same claims hold between two nodes there. */
@Tag("postgres")
class MailDeliveryPostgresTest extends AbstractMailDeliveryTest {

  MailDeliveryPostgresTest() {
    super(SqlDatabase.postgres("mesa_outbox_test"));
  }
}
