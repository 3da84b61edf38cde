package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.SOLUTION;

import co.edu.idep.mesa.validation.InputReader;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of a "resolver" task (step 10) or of the provider's solution (after step 11). */
@Component
public class RecordSolutionListener implements TaskListener {

  static final String PROVIDER_SOLUTION = "Task_RecordProviderSolution";

  private final TicketResolution resolution;

  public RecordSolutionListener(TicketResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String solution = SOLUTION.text(in);
    in.throwIfInvalid();
    resolution.solved(TicketVariables.ticketCode(task), solution,
        PROVIDER_SOLUTION.equals(task.getTaskDefinitionKey()));
  }
}
