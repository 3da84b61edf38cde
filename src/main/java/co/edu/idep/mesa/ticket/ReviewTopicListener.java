package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.NEW_TOPIC;
import static co.edu.idep.mesa.ticket.field.Fields.TOPIC_COMMENT;
import static co.edu.idep.mesa.ticket.field.Fields.TOPIC_MATCHES;

import co.edu.idep.mesa.validation.InputReader;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Verificar el tema del ticket" (step 3): checks the agent's answer; a confirmed
 * topic is noted here, a change is carried out by {@link ChangeTopicDelegate}.
 */
@Component
public class ReviewTopicListener implements TaskListener {

  private final TicketAssignment assignment;

  public ReviewTopicListener(TicketAssignment assignment) {
    this.assignment = assignment;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Topic current = TicketVariables.topic(task);
    Boolean matches = TOPIC_MATCHES.bool(in);
    String comment = TOPIC_COMMENT.text(in);
    if (Boolean.FALSE.equals(matches)) {
      String newTopic = NEW_TOPIC.choice(in);
      if (current.name().equals(newTopic)) {
        in.reject(NEW_TOPIC.key(), "El nuevo tema debe ser distinto del tema actual.");
      }
    }
    in.throwIfInvalid();
    task.setVariable(TOPIC_COMMENT.key(), comment);
    if (matches) {
      assignment.confirmTopic(TicketVariables.ticketCode(task), current, comment);
    }
  }
}
