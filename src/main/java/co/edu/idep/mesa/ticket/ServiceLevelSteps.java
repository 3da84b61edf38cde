package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.servicelevel.ServiceLevelKind;
import co.edu.idep.mesa.servicelevel.ServiceLevels;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * What the diagram of "Mesa de Servicios" does about service levels, element by element (see
 * docs/process-model.md): start the targets at the assignment, meet the first attention when a
 * member takes "Verificar el tema", meet the resolution when the solution is ready, reopen it when
 * the requester is not satisfied, and warn or report a breach when a timer fires. Thin: it reads the
 * ticket's variables and calls {@link ServiceLevels}; "now" is the engine's clock, which process
 * tests move.
 */
@Component
public class ServiceLevelSteps {

  private final ServiceLevels serviceLevels;
  private final TicketNotifications notifications;

  public ServiceLevelSteps(ServiceLevels serviceLevels, TicketNotifications notifications) {
    this.serviceLevels = serviceLevels;
    this.notifications = notifications;
  }

  /** "Asignar el agente según el tema" ended: the ticket's targets start. */
  public void started(DelegateExecution execution) {
    serviceLevels.start(TicketVariables.ticketCode(execution), TicketVariables.TOPIC.get(execution),
        TicketVariables.PRIORITY.get(execution), now());
  }

  /** "Reasignar el agente según el nuevo tema" ended: the targets follow the new topic and priority. */
  public void reassigned(DelegateExecution execution) {
    serviceLevels.topicChanged(TicketVariables.ticketCode(execution), TicketVariables.TOPIC.get(execution),
        TicketVariables.PRIORITY.get(execution), now());
  }

  /** "Verificar el tema" was given to someone: the first attention is met (released, nothing changes). */
  public void attended(DelegateTask task) {
    if (task.getAssignee() != null) serviceLevels.firstAttention(TicketVariables.ticketCode(task), now());
  }

  /** "Verificar el tema" completed: a priority the agent changed changes the targets not yet met. */
  public void priorityReviewed(DelegateTask task) {
    String code = TicketVariables.ticketCode(task);
    serviceLevels.firstAttention(code, now());
    serviceLevels.priorityChanged(code, TicketVariables.PRIORITY.get(task), now());
  }

  /** "Atender el ticket según su tema" ended: the solution waits for the requester's verification. */
  public void resolved(DelegateExecution execution) {
    // The end listener runs too when an administrator cancels the ticket: that is no solution.
    if (execution.isCanceled()) return;
    serviceLevels.resolved(TicketVariables.ticketCode(execution), now());
  }

  /** "No: se repite la atención": the resolution runs again, without the time the verification took. */
  public void resumed(DelegateExecution execution) {
    serviceLevels.reopened(TicketVariables.ticketCode(execution), now());
  }

  /** The timer of "75 % del tiempo de …". */
  public Date warningDue(DelegateExecution execution, String kind) {
    return serviceLevels.warningDue(TicketVariables.ticketCode(execution), ServiceLevelKind.valueOf(kind), now());
  }

  /** The timer of "Tiempo de … vencido". */
  public Date breachDue(DelegateExecution execution, String kind) {
    return serviceLevels.breachDue(TicketVariables.ticketCode(execution), ServiceLevelKind.valueOf(kind), now());
  }

  /**
   * The due date of a user task, {@code camunda:dueDate}: the due time of the target of the task's
   * phase ("Verificar el tema": FIRST_ATTENTION; the attention's tasks: RESOLUTION), so that Tasklist
   * shows it and sorts by it. None once the target is met: a missing due date never stops a task.
   */
  public Date dueOf(DelegateExecution execution, String kind) {
    return serviceLevels.dueDate(TicketVariables.ticketCode(execution), ServiceLevelKind.valueOf(kind), now())
        .orElse(null);
  }

  /** "Avisar al grupo que … está por vencer": once per target, and only if it is still open. */
  public void warn(DelegateExecution execution, String kind) {
    String code = TicketVariables.ticketCode(execution);
    if (serviceLevels.recordWarning(code, ServiceLevelKind.valueOf(kind), now())) {
      notifications.serviceLevelWarning(execution, kind);
    }
  }

  /** "Registrar el incumplimiento y avisar al Jefe OAP": once per target, and only if it is still open. */
  public void breach(DelegateExecution execution, String kind) {
    String code = TicketVariables.ticketCode(execution);
    if (serviceLevels.recordBreach(code, ServiceLevelKind.valueOf(kind), now())) {
      notifications.serviceLevelBreach(execution, kind);
    }
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
