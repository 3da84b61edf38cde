package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.CAN_RESOLVE;
import static co.edu.idep.mesa.ticket.field.Fields.EVALUATION_NOTE;

import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of the evaluation tasks of steps 6, 8 and 9: can the agent resolve it? Only the web
 * systems' evaluation asks, when he cannot, whether a support contract is in force; the diagram
 * says which evaluation this is by calling {@link #evaluated} or {@link #evaluatedWithContract}.
 */
@Component
public class RecordEvaluationListener {

  private final TicketResolution resolution;

  public RecordEvaluationListener(TicketResolution resolution) {
    this.resolution = resolution;
  }

  public void evaluated(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean canResolve = CAN_RESOLVE.bool(in);
    String diagnosis = EVALUATION_NOTE.text(in);
    in.throwIfInvalid();
    resolution.evaluated(TicketVariables.ticketCode(task), canResolve, diagnosis);
  }
}
