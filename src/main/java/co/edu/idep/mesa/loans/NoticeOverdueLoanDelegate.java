package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Avisar del préstamo vencido" to the requester and the technician, until the equipment is back. */
@Component
public class NoticeOverdueLoanDelegate implements JavaDelegate {

  private final LoanNotifications notifications;

  public NoticeOverdueLoanDelegate(LoanNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.overdue(TicketVariables.ticketCode(execution));
  }
}
