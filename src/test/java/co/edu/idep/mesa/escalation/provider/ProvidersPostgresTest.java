package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.SqlDatabase;
import org.junit.jupiter.api.Tag;

/** The providers on PostgreSQL, the production database: dates, booleans and constraints as Flyway makes them. Runs in CI (-Pci). */
@Tag("postgres")
class ProvidersPostgresTest extends AbstractProvidersTest {

  ProvidersPostgresTest() {
    super(SqlDatabase.postgres("mesa_providers_test"));
  }
}
