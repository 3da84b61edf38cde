package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.SOLUTION;

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

  private void record(DelegateTask task, boolean byProvider) {
    InputReader in = new InputReader(task.getVariables());
    String solution = SOLUTION.text(in);
    in.throwIfInvalid();
    resolution.solved(TicketVariables.ticketCode(task), solution, byProvider);
  }
}
