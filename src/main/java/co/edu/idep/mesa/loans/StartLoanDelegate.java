package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.ASSET_TAGS;
import static co.edu.idep.mesa.ticket.field.Fields.LOAN_END;
import static co.edu.idep.mesa.ticket.field.Fields.RETURNED_GOOD;

import co.edu.idep.mesa.ticket.TicketVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * "Préstamo entregado" (message throw, asynchronous): starts the loan's own process, which outlives
 * the ticket. A ticket has one loan: when its process already runs (equipment handed over again after
 * the requester's complaint), that process is told what is out now instead of a second one starting.
 */
@Component
public class StartLoanDelegate implements JavaDelegate {

  private final RuntimeService runtime;
  private final LoanRepository loans;

  public StartLoanDelegate(RuntimeService runtime, LoanRepository loans) {
    this.runtime = runtime;
    this.loans = loans;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = TicketVariables.ticketCode(execution);
    Loan loan = loans.find(code).orElseThrow();
    Map<String, Object> outstanding = outstanding(loan);
    ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(LoanProcess.KEY)
        .processInstanceBusinessKey(code).active().singleResult();
    if (running != null) {
      runtime.setVariables(running.getId(), outstanding);
      return;
    }
    Map<String, Object> variables = new HashMap<>(outstanding);
    variables.put(TicketVariables.TICKET_CODE.name(), code);
    variables.put(TicketVariables.REQUESTER.name(), loan.terms().requester());
    variables.put(TicketVariables.CANDIDATE_GROUP.name(), TicketVariables.CANDIDATE_GROUP.get(execution));
    runtime.createMessageCorrelation(LoanProcess.HANDED_OVER_MESSAGE).processInstanceBusinessKey(code)
        .setVariables(variables).correlateStartMessage();
  }

  /** What the return form offers and shows: the assets out. */
  static Map<String, Object> outstanding(Loan loan) {
    List<String> out = loan.tags(LoanAssetState.PRESTADO);
    List<AssetOffer.Option> options = loan.in(LoanAssetState.PRESTADO).stream()
        .map(a -> new AssetOffer.Option(a.tag(), AssetOffer.label(a.tag(), a.description(), a.brandModel(), a.serialNumber())))
        .toList();
    Map<String, Object> variables = new HashMap<>();
    variables.put(RETURNED_GOOD.optionsKey(), TicketVariables.processValue(options));
    variables.put(ASSET_TAGS.key(), String.join(", ", out));
    variables.put(LOAN_END.key(), loan.terms().end().toString());
    return variables;
  }
}
