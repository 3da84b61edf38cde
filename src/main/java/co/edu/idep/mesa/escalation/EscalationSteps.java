package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.TicketVariables;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The escalation's expressions in the diagram: when the provider's answer is due (the reminder's
 * timer) and the reminder itself.
 */
@Component
public class EscalationSteps {

  private final ProviderEscalations escalations;

  public EscalationSteps(ProviderEscalations escalations) {
    this.escalations = escalations;
  }

  /** The key of one escalation: the ticket, the element that escalates, and its execution, which a retry keeps. */
  static String key(String code, String activityId, String executionId) {
    return code + ":" + activityId + ":" + executionId;
  }

  static String key(DelegateExecution execution) {
    return key(TicketVariables.ticketCode(execution), execution.getCurrentActivityId(), execution.getId());
  }

  /** "Tiempo de respuesta del contrato vencido". */
  public Date responseDue(DelegateExecution execution) {
    return Date.from(escalations.responseDue(TicketVariables.ticketCode(execution)));
  }

  /** "Recordar el caso al proveedor y avisar al grupo". */
  public void remind(DelegateExecution execution) {
    escalations.remind(TicketVariables.ticketCode(execution));
  }
}
