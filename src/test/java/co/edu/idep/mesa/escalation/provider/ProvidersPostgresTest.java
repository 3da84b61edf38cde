package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;

/** The providers on PostgreSQL, the production database: dates, booleans and constraints as Flyway makes them. Runs in CI (-Pci). */
@Tag("postgres")
class ProvidersPostgresTest extends AbstractProvidersTest {

  private final PostgresDatabase database = PostgresDatabase.fresh("mesa_providers_test");

  @Override
  protected String url() {
    return database.url();
  }

  @Override
  protected String user() {
    return System.getProperty("mesa.test.postgres.user", "postgres");
  }
}
