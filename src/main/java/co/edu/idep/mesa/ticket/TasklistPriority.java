package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.ticket.field.Priority;
import org.springframework.stereotype.Component;

/**
 * The priority Tasklist orders a ticket's tasks by, for the user tasks' {@code camunda:priority}:
 * {@code ${tasklistPriority.of(priority)}}. It follows the ticket's priority ({@link Priority}), so
 * a change at "Verificar el tema" orders the next tasks without another variable to keep in step.
 */
@Component
public class TasklistPriority {

  /** The Tasklist priority of ALTA, MEDIA or BAJA; a ticket without one sorts as MEDIA. */
  public int of(String priority) {
    return Priority.fromCode(priority).orElse(Priority.MEDIA).taskPriority();
  }
}
