package co.edu.idep.mesa.loans;

import java.util.UUID;

/** The race on the embedded default database (H2). */
class LoanReservationRaceTest extends AbstractLoanReservationRaceTest {

  private final String url = "jdbc:h2:mem:loans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

  @Override
  protected String url() {
    return url;
  }

  @Override
  protected String user() {
    return "sa";
  }
}
