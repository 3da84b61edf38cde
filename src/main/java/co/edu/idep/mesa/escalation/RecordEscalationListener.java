package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.ESCALATION_COMMENT;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_EMAIL;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_NAME;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_REFERENCE;

import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of an escalation task (step 11): maintenance provider, Humano's vendor (its own
 * osTicket, whose case number is required: the diagram calls {@link #escalatedWithProviderCase})
 * or the web vendor.
 */
@Component
public class RecordEscalationListener {

  private final Escalation escalation;

  public RecordEscalationListener(Escalation escalation) {
    this.escalation = escalation;
  }

  public void escalated(DelegateTask task) {
    record(task, false);
  }

  public void escalatedWithProviderCase(DelegateTask task) {
    record(task, true);
  }

  private void record(DelegateTask task, boolean caseRequired) {
    InputReader in = new InputReader(task.getVariables());
    String provider = PROVIDER_NAME.text(in);
    String reference = PROVIDER_REFERENCE.text(in, caseRequired);
    String address = PROVIDER_EMAIL.text(in);
    String comment = ESCALATION_COMMENT.text(in);
    in.throwIfInvalid();
    escalation.escalated(TicketVariables.ticketCode(task), provider, reference, address, comment);
  }
}
