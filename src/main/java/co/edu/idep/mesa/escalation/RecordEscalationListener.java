package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.ESCALATION_COMMENT;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_REFERENCE;

import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of "Escalar a mano a la mesa de ayuda del proveedor de Humano": with its osTicket API
 * not configured, the agent opened the case himself and types its number.
 */
@Component
public class RecordEscalationListener {

  private final ProviderEscalations escalations;

  public RecordEscalationListener(ProviderEscalations escalations) {
    this.escalations = escalations;
  }

  public void escalatedByHand(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String reference = PROVIDER_REFERENCE.text(in, true);
    String comment = ESCALATION_COMMENT.text(in);
    in.throwIfInvalid();
    String code = TicketVariables.ticketCode(task);
    escalations.byHand(code, EscalationSteps.key(code, task.getTaskDefinitionKey(), task.getExecutionId()),
        reference.strip(), comment);
  }
}
