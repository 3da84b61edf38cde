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
      throw new IllegalStateException("asignacion-por-tema has no rule for topic " + execution.getVariable("topic"));
    }
    String group = result.getEntry("candidateGroup");
    String priority = result.getEntry("priority");
    execution.setVariable("candidateGroup", group);
    execution.setVariable("priority", priority);
    execution.setVariable("taskPriority", ((Number) result.getEntry("taskPriority")).intValue());
    assignment.assign(TicketVariables.ticketCode(execution), group, priority);
  }
}
