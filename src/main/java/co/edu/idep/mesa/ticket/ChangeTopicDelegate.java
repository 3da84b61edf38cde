package co.edu.idep.mesa.ticket;

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
    Topic to = Topic.valueOf((String) execution.getVariable("newTopic"));
    assignment.changeTopic(TicketVariables.ticketCode(execution), from, to,
        (String) execution.getVariable("topicComment"));
    execution.setVariable("previousTopic", from.name());
    execution.setVariable(TicketVariables.TOPIC, to.name());
  }
}
