package co.edu.idep.mesa.ticket;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the decision "asignacion-por-tema" (step 2, automatic assignment): exposes its outputs to
 * the user tasks and records the assignment on the ticket.
 */
@Component
public class RecordAssignmentListener implements ExecutionListener {

  private final TicketAssignment assignment;

  public RecordAssignmentListener(TicketAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void notify(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) execution.getVariable("assignment");
    String group = (String) result.get("candidateGroup");
    String priority = (String) result.get("priority");
    execution.setVariable("candidateGroup", group);
    execution.setVariable("priority", priority);
    execution.setVariable("taskPriority", ((Number) result.get("taskPriority")).intValue());
    assignment.assign(TicketVariables.ticketCode(execution), group, priority);
  }
}
