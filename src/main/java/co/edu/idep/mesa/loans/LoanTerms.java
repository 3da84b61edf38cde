package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.LEAVES_INSTITUTE;
import static co.edu.idep.mesa.ticket.field.Fields.LOAN_END;
import static co.edu.idep.mesa.ticket.field.Fields.LOAN_START;
import static co.edu.idep.mesa.ticket.field.Fields.USE_PLACE;

import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.ticket.Ticket;
import java.time.LocalDate;
import java.util.Map;

/** What a loan is for, as "Alistar los equipos" leaves it: whose, what kind, when, where. */
public record LoanTerms(String ticketCode, String requester, AssetKind kind, LocalDate start, LocalDate end,
    String usePlace, boolean leavesInstitute) {

  /** The terms as the ticket's record holds them. */
  public static LoanTerms of(Ticket ticket) {
    return of(ticket, null);
  }

  /**
   * The same; a ticket whose topic was just changed to a loan has no dates yet: then {@code today},
   * until the technician gives them.
   */
  public static LoanTerms of(Ticket ticket, LocalDate today) {
    Map<String, Object> details = ticket.details();
    return new LoanTerms(ticket.code(), ticket.requester(), AssetKind.lentBy(ticket.topic()),
        date(details.get(LOAN_START.key()), today), date(details.get(LOAN_END.key()), today),
        (String) details.get(USE_PLACE.key()), Boolean.TRUE.equals(details.get(LEAVES_INSTITUTE.key())));
  }

  private static LocalDate date(Object value, LocalDate otherwise) {
    return value == null ? java.util.Objects.requireNonNull(otherwise, "the loan has no dates") : LocalDate.parse(value.toString());
  }
}
