package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_NAME;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_REFERENCE;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_SOLVED;
import static co.edu.idep.mesa.ticket.field.Fields.SOLUTION;

import co.edu.idep.mesa.ticket.TicketResolution;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Registrar la solución del proveedor": what the provider answered, its reference, and
 * whether it solved the incident; if not, the Jefe OAP decides (never back to who escalated it).
 */
@Component
public class RecordProviderAnswerListener implements TaskListener {

  private final ProviderEscalations escalations;
  private final TicketResolution resolution;

  public RecordProviderAnswerListener(ProviderEscalations escalations, TicketResolution resolution) {
    this.escalations = escalations;
    this.resolution = resolution;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean solved = PROVIDER_SOLVED.bool(in);
    String answer = SOLUTION.text(in);
    String reference = PROVIDER_REFERENCE.text(in);
    in.throwIfInvalid();
    String code = TicketVariables.ticketCode(task);
    escalations.answered(code, solved, reference);
    if (solved) {
      resolution.solved(code, answer, true);
    } else {
      Object provider = task.getVariable(PROVIDER_NAME.key());
      resolution.notSolved(code, provider == null ? "El proveedor" : "El proveedor «" + provider + "»", answer);
    }
  }
}
