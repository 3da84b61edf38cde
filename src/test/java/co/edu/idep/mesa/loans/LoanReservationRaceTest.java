package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.support.SqlDatabase;

/** The race on the embedded default database (H2). */
class LoanReservationRaceTest extends AbstractLoanReservationRaceTest {

  LoanReservationRaceTest() {
    super(SqlDatabase.h2("loans"));
  }
}
