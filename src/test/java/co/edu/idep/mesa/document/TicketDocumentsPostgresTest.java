package co.edu.idep.mesa.document;

import co.edu.idep.mesa.support.SqlDatabase;
import org.junit.jupiter.api.Tag;

/** The documents on PostgreSQL, the production database: bytea, migrated by Flyway. Runs in CI (-Pci). */
@Tag("postgres")
class TicketDocumentsPostgresTest extends AbstractTicketDocumentsTest {

  TicketDocumentsPostgresTest() {
    super(SqlDatabase.postgres("mesa_documents_test"));
  }
}
