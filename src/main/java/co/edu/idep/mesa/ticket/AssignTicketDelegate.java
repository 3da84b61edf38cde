package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.ticket.AssignmentTable.Assignment;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Asignar el agente según el tema" and "Reasignar el agente según el nuevo tema" (steps 2 and 3):
 * the business rule tasks of the diagram. The table {@code asignacion-por-tema} gives the topic's
 * group and priority; the group becomes the candidate group of the topic's tasks, and the ticket
 * records both, with a timeline note.
 */
@Component
public class AssignTicketDelegate implements JavaDelegate {

  private final AssignmentTable table;
  private final TicketAssignment assignment;

  public AssignTicketDelegate(AssignmentTable table, TicketAssignment assignment) {
    this.table = table;
    this.assignment = assignment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Assignment assigned = table.of(TicketVariables.topic(execution));
    TicketVariables.CANDIDATE_GROUP.set(execution, assigned.group());
    TicketVariables.PRIORITY.set(execution, assigned.priority());
    assignment.assign(TicketVariables.ticketCode(execution), assigned.group(), assigned.priority());
  }
}
