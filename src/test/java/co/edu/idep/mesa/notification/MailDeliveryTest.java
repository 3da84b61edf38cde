package co.edu.idep.mesa.notification;

import java.util.UUID;

/** The outbox on the embedded database (H2), as the default profile and the tests run it. */
class MailDeliveryTest extends AbstractMailDeliveryTest {

  private final String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Override
  protected String url() {
    return url;
  }

  @Override
  protected String user() {
    return "sa";
  }
}
