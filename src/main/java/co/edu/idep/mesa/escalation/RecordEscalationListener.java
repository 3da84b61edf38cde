package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.ESCALATION_COMMENT;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_NAME;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_REFERENCE;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of an escalation task (step 11): maintenance provider, Humano's vendor (its own
 * osTicket, whose case number is required) or the web vendor.
 */
@Component
public class RecordEscalationListener implements TaskListener {

  static final String ESCALATE_TO_HUMANO = "Task_EscalateToHumanoVendor";

  private final Escalation escalation;

  public RecordEscalationListener(Escalation escalation) {
    this.escalation = escalation;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String provider = PROVIDER_NAME.text(in);
    String reference = PROVIDER_REFERENCE.text(in,
        ESCALATE_TO_HUMANO.equals(task.getTaskDefinitionKey()));
    String comment = ESCALATION_COMMENT.text(in);
    in.throwIfInvalid();
    escalation.escalated(TicketVariables.ticketCode(task), provider, reference, comment);
  }
}
