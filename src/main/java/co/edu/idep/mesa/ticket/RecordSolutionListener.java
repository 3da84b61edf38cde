package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.CAN_RESOLVE;
import static co.edu.idep.mesa.ticket.field.Fields.SOLUTION;
import static co.edu.idep.mesa.ticket.field.Fields.UNSOLVED_DECISION;

import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Completion of a "resolver" task (step 10) or of the provider's solution (after step 11). The
 * diagram says which: its complete listener calls {@link #solved} or {@link #solvedByProvider}.
 */
@Component
public class RecordSolutionListener {

  private final TicketResolution resolution;

  public RecordSolutionListener(TicketResolution resolution) {
    this.resolution = resolution;
  }

  public void solved(DelegateTask task) {
    record(task, false);
  }

  public void solvedByProvider(DelegateTask task) {
    record(task, true);
  }

  /** "Resolver el incidente de Goobi": solved, or why not (the Jefe OAP then decides). */
  public void solvedOrNot(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean solved = CAN_RESOLVE.bool(in);
    String solution = SOLUTION.text(in);
    in.throwIfInvalid();
    if (solved) {
      resolution.solved(TicketVariables.ticketCode(task), solution, false);
    } else {
      resolution.notSolved(TicketVariables.ticketCode(task), "El ingeniero a cargo de Goobi", solution);
    }
  }

  /** "Decidir sobre el incidente sin solución" (Jefe OAP). */
  public void decidedUnsolved(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String decision = UNSOLVED_DECISION.text(in);
    in.throwIfInvalid();
    resolution.decidedUnsolved(TicketVariables.ticketCode(task), decision);
  }

  private void record(DelegateTask task, boolean byProvider) {
    InputReader in = new InputReader(task.getVariables());
    String solution = SOLUTION.text(in);
    in.throwIfInvalid();
    resolution.solved(TicketVariables.ticketCode(task), solution, byProvider);
  }
}
