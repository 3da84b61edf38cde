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
    Map<String, Object> details = ticket.details();
    return new LoanTerms(ticket.code(), ticket.requester(), AssetKind.lentBy(ticket.topic()),
        LocalDate.parse(String.valueOf(details.get(LOAN_START.key()))),
        LocalDate.parse(String.valueOf(details.get(LOAN_END.key()))),
        (String) details.get(USE_PLACE.key()), Boolean.TRUE.equals(details.get(LEAVES_INSTITUTE.key())));
  }
}
