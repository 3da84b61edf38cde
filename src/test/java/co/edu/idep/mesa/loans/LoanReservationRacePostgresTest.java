package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.support.SqlDatabase;
import org.junit.jupiter.api.Tag;

/** The race on PostgreSQL, as two application nodes sharing it would run it. Runs in CI (-Pci). */
@Tag("postgres")
class LoanReservationRacePostgresTest extends AbstractLoanReservationRaceTest {

  LoanReservationRacePostgresTest() {
    super(SqlDatabase.postgres("mesa_loan_race_test"));
  }
}
