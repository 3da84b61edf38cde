package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.CHOSEN_ASSETS;

import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creation of "Alistar los equipos para el préstamo": the form's checklist gets the assets it may
 * offer (variable {@code assetOptions}), with those the loan already holds ticked.
 */
@Component
public class OfferAssetsListener implements TaskListener {

  private final TicketRepository tickets;
  private final LoanRepository loans;
  private final AssetOffer offer;
  private final Clock clock;

  public OfferAssetsListener(TicketRepository tickets, LoanRepository loans, AssetOffer offer, Clock clock) {
    this.tickets = tickets;
    this.loans = loans;
    this.offer = offer;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = TicketVariables.ticketCode(task);
    LoanTerms terms = LoanTerms.of(tickets.findByCode(code).orElseThrow(), LocalDate.now(clock));
    List<String> held = loans.find(code).map(Loan::heldTags).orElse(List.of());
    task.setVariable(CHOSEN_ASSETS.optionsKey(), TicketVariables.processValue(offer.options(terms, LocalDate.now(clock))));
    if (!held.isEmpty()) task.setVariable(CHOSEN_ASSETS.key(), TicketVariables.processValue(held));
  }
}
