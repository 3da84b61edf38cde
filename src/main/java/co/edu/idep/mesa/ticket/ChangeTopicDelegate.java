package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.ticket.field.Fields;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cambiar el tema del ticket" (step 3): the ticket continues on the new topic's path. */
@Component
public class ChangeTopicDelegate implements JavaDelegate {

  private final TicketAssignment assignment;

  public ChangeTopicDelegate(TicketAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Topic from = TicketVariables.topic(execution);
    Topic to = Topic.valueOf((String) execution.getVariable(Fields.NEW_TOPIC.key()));
    assignment.changeTopic(TicketVariables.ticketCode(execution), from, to,
        (String) execution.getVariable(Fields.TOPIC_COMMENT.key()));
    TicketVariables.PREVIOUS_TOPIC.set(execution, from.name());
    TicketVariables.TOPIC.set(execution, to.name());
  }
}
