package co.edu.idep.mesa.document;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;

/** The documents on PostgreSQL, the production database: bytea, migrated by Flyway. Runs in CI (-Pci). */
@Tag("postgres")
class TicketDocumentsPostgresTest extends AbstractTicketDocumentsTest {

  private final PostgresDatabase database = PostgresDatabase.fresh("mesa_documents_test");

  @Override
  protected String url() {
    return database.url();
  }

  @Override
  protected String user() {
    return System.getProperty("mesa.test.postgres.user", "postgres");
  }
}
