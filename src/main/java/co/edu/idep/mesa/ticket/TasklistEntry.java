package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.security.TasklistFilters;
import co.edu.idep.mesa.ticket.field.Fields;
import co.edu.idep.mesa.ticket.field.Priority;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A help-desk task's entry in Tasklist names its ticket: on {@code create}, the task gets the
 * ticket's code, subject, requester and priority as variables of its own, which the Tasklist
 * filters show ({@link TasklistFilters#LIST_VARIABLES}).
 *
 * <p>Copies, and under names of their own: Tasklist reads a list entry's variables with the
 * permissions of the person looking, and an agent may read the task but not the whole process
 * instance, so the process variables would stay empty for him. Named like the process variables,
 * the copies would take the writes meant for them (a new priority at "Verificar el tema" set through
 * the task). They are the ticket as the task was created: the next task shows a later change.
 *
 * <p>The process variables give them; where the process has none (the loan's own process), the
 * ticket's record does, found by the code.
 */
@Component
public class TasklistEntry implements TaskListener {

  private final TicketRepository tickets;

  public TasklistEntry(TicketRepository tickets) {
    this.tickets = tickets;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = Optional.ofNullable(TicketVariables.ticketCode(task))
        .orElseGet(() -> task.getExecution().getProcessBusinessKey());
    String subject = (String) task.getVariable(Fields.SUBJECT.key());
    String requester = TicketVariables.REQUESTER.get(task);
    String priority = TicketVariables.PRIORITY.get(task);
    if (code != null && (subject == null || requester == null || priority == null)) {
      Optional<Ticket> ticket = tickets.findByCode(code);
      if (ticket.isPresent()) {
        if (subject == null) subject = ticket.get().subject();
        if (requester == null) requester = ticket.get().requester();
        if (priority == null) priority = ticket.get().priority();
      }
    }
    setIfKnown(task, TasklistFilters.CODE, code);
    setIfKnown(task, TasklistFilters.SUBJECT, subject);
    setIfKnown(task, TasklistFilters.REQUESTER, requester);
    setIfKnown(task, TasklistFilters.PRIORITY, Priority.fromCode(priority).map(Priority::label).orElse(priority));
  }

  private static void setIfKnown(DelegateTask task, String name, String value) {
    if (value != null) task.setVariableLocal(name, value);
  }
}
