package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Avisar del préstamo vencido" to the requester and the technician; "¿Siguen equipos prestados?" reads the answer. */
@Component
public class NoticeOverdueLoanDelegate implements JavaDelegate {

  private final LoanNotifications notifications;

  public NoticeOverdueLoanDelegate(LoanNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(LoanProcess.LOAN_ACTIVE, notifications.overdue(TicketVariables.ticketCode(execution)));
  }
}
