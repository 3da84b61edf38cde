package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.support.SqlDatabase;

/** The outbox on the embedded database (H2), as the default profile and the tests run it. */
class MailDeliveryTest extends AbstractMailDeliveryTest {

  MailDeliveryTest() {
    super(SqlDatabase.h2("outbox"));
  }
}
