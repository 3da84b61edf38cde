package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Consultar el contrato de soporte vigente": the contracts of record, on the day of escalation. */
@Component
public class CheckSupportContractDelegate implements JavaDelegate {

  static final String IN_FORCE = "supportContractInForce";

  private final ProviderEscalations escalations;

  public CheckSupportContractDelegate(ProviderEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(IN_FORCE, escalations.contractInForce(TicketVariables.ticketCode(execution)));
  }
}
