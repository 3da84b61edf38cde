package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.ASSET_TAGS;
import static co.edu.idep.mesa.ticket.field.Fields.CHOSEN_ASSETS;
import static co.edu.idep.mesa.ticket.field.Fields.LOAN_PROBLEM;

import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.validation.InputReader;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reservar los equipos", an asynchronous service task: the chosen assets are reserved for the loan's
 * dates. One taken in the meantime is the BPMN error {@value #ASSET_UNAVAILABLE}, and the ticket goes
 * back to "Alistar" with the Spanish message naming its tag.
 */
@Component
public class ReserveEquipmentDelegate implements JavaDelegate {

  static final String ASSET_UNAVAILABLE = "EQUIPO_NO_DISPONIBLE";

  private final TicketRepository tickets;
  private final LoanReservations reservations;
  private final EquipmentLoan loans;

  public ReserveEquipmentDelegate(TicketRepository tickets, LoanReservations reservations, EquipmentLoan loans) {
    this.tickets = tickets;
    this.reservations = reservations;
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LoanTerms terms = LoanTerms.of(tickets.findByCode(TicketVariables.ticketCode(execution)).orElseThrow());
    List<String> chosen = CHOSEN_ASSETS.chosen(new InputReader(execution.getVariables()));
    List<String> added;
    try {
      added = reservations.reserve(terms, chosen);
    } catch (AssetUnavailableException e) {
      throw new BpmnError(ASSET_UNAVAILABLE, e.getMessage());
    }
    List<String> toHandOver = loans.reserved(terms, added);
    // What the hand-over form shows.
    execution.setVariable(ASSET_TAGS.key(), String.join(", ", toHandOver));
    execution.removeVariable(LOAN_PROBLEM.key());
  }
}
