package co.edu.idep.mesa.escalation;

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
    String provider = in.text("providerName", "Proveedor", true, 150);
    String reference = in.text("providerReference", "Número del caso en la mesa del proveedor",
        ESCALATE_TO_HUMANO.equals(task.getTaskDefinitionKey()), 50);
    String comment = in.text("escalationComment", "Comentario de escalamiento", true, 2000);
    in.throwIfInvalid();
    escalation.escalated(TicketVariables.ticketCode(task), provider, reference, comment);
  }
}
