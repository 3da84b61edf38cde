package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.NEW_PRIORITY;
import static co.edu.idep.mesa.ticket.field.Fields.NEW_TOPIC;
import static co.edu.idep.mesa.ticket.field.Fields.PRIORITY_REASON;
import static co.edu.idep.mesa.ticket.field.Fields.TOPIC_COMMENT;
import static co.edu.idep.mesa.ticket.field.Fields.TOPIC_MATCHES;

import co.edu.idep.mesa.ticket.field.Priority;
import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Verificar el tema del ticket" (step 3): reads the agent's answer and hands it to
 * {@link TicketAssignment}, which enforces the rules. A confirmed topic is noted there; a change is
 * carried out by {@link ChangeTopicDelegate}; a new priority takes effect at once.
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
    String priority = TicketVariables.PRIORITY.get(task);
    Boolean matches = TOPIC_MATCHES.bool(in);
    String comment = TOPIC_COMMENT.text(in);
    String newTopic = Boolean.FALSE.equals(matches) ? NEW_TOPIC.choice(in) : null;
    String newPriority = NEW_PRIORITY.choice(in);
    boolean priorityChanges = newPriority != null && !newPriority.equals(priority);
    String reason = PRIORITY_REASON.text(in, priorityChanges);
    in.throwIfInvalid();
    String code = TicketVariables.ticketCode(task);
    assignment.reviewTopic(code, current, matches, newTopic, comment);
    task.setVariable(TOPIC_COMMENT.key(), comment);
    if (priorityChanges) {
      Priority changed = Priority.valueOf(newPriority);
      assignment.changePriority(code, Priority.fromCode(priority).orElse(null), changed, reason);
      TicketVariables.PRIORITY.set(task, changed.name());
    }
  }
}
