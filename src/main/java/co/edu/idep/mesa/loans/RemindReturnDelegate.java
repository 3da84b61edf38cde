package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Recordar la devolución al solicitante", one working day before the due date. */
@Component
public class RemindReturnDelegate implements JavaDelegate {

  private final LoanNotifications notifications;

  public RemindReturnDelegate(LoanNotifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notifications.reminder(TicketVariables.ticketCode(execution));
  }
}
