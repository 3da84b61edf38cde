package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;

/** The race on PostgreSQL, as two application nodes sharing it would run it. Runs in CI (-Pci). */
@Tag("postgres")
class LoanReservationRacePostgresTest extends AbstractLoanReservationRaceTest {

  private final PostgresDatabase database = PostgresDatabase.fresh("mesa_loan_race_test");

  @Override
  protected String url() {
    return database.url();
  }

  @Override
  protected String user() {
    return System.getProperty("mesa.test.postgres.user", "postgres");
  }
}
