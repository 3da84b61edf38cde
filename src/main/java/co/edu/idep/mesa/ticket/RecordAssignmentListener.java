package co.edu.idep.mesa.ticket;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the decision "asignacion-por-tema" (step 2, automatic assignment): exposes its outputs to
 * the user tasks and records the assignment on the ticket. The decision's result is read from the
 * transient variable {@code decisionResult} that Camunda gives the business rule task, so the
 * result map itself is never serialized into a process variable.
 */
@Component
public class RecordAssignmentListener implements ExecutionListener {

  static final String DECISION_RESULT = "decisionResult";

  private final TicketAssignment assignment;

  public RecordAssignmentListener(TicketAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void notify(DelegateExecution execution) {
    DmnDecisionResult decision = (DmnDecisionResult) execution.getVariable(DECISION_RESULT);
    DmnDecisionResultEntries result = decision.getSingleResult();
    if (result == null) {
      // Every topic has a rule; a table edited without one must stop here, visibly, in Cockpit.
      throw new IllegalStateException("asignacion-por-tema has no rule for topic " + TicketVariables.TOPIC.get(execution));
    }
    // The decision's outputs are named as the variables they become.
    String group = result.getEntry(TicketVariables.CANDIDATE_GROUP.name());
    String priority = result.getEntry(TicketVariables.PRIORITY.name());
    TicketVariables.CANDIDATE_GROUP.set(execution, group);
    TicketVariables.PRIORITY.set(execution, priority);
    TicketVariables.TASK_PRIORITY.set(execution, ((Number) result.getEntry(TicketVariables.TASK_PRIORITY.name())).intValue());
    assignment.assign(TicketVariables.ticketCode(execution), group, priority);
  }
}
