package co.edu.idep.mesa.ticket;

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
    Boolean matches = in.bool("topicMatches", "¿El incidente corresponde con el tema seleccionado?", true);
    String comment = in.text("topicComment", "Observación", false, 1000);
    if (Boolean.FALSE.equals(matches)) {
      String newTopic = in.choice("newTopic", "Nuevo tema", true, TicketRequestValidator.TOPIC_CODES);
      if (current.name().equals(newTopic)) {
        in.reject("newTopic", "El nuevo tema debe ser distinto del tema actual.");
      }
    }
    in.throwIfInvalid();
    task.setVariable("topicComment", comment);
    if (matches) {
      assignment.confirmTopic(TicketVariables.ticketCode(task), current, comment);
    }
  }
}
