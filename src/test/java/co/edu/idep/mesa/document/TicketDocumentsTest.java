package co.edu.idep.mesa.document;

import java.util.UUID;

/** The documents on the embedded default database (H2). */
class TicketDocumentsTest extends AbstractTicketDocumentsTest {

  private final String url = "jdbc:h2:mem:documents-" + UUID.randomUUID() + "";

  @Override
  protected String url() {
    return url;
  }

  @Override
  protected String user() {
    return "sa";
  }
}
