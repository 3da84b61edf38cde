package co.edu.idep.mesa.document;

import co.edu.idep.mesa.support.SqlDatabase;

/** The documents on the embedded default database (H2). */
class TicketDocumentsTest extends AbstractTicketDocumentsTest {

  TicketDocumentsTest() {
    super(SqlDatabase.h2("documents"));
  }
}
