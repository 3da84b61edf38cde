package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.DELIVERY_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.RECEIVED_BY;

import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Entregar los equipos" (step 10): who received the reserved equipment; now it is lent. */
@Component
public class RecordEquipmentDeliveryListener implements TaskListener {

  private final EquipmentLoan loans;

  public RecordEquipmentDeliveryListener(EquipmentLoan loans) {
    this.loans = loans;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String receivedBy = RECEIVED_BY.text(in);
    String note = DELIVERY_NOTE.text(in);
    in.throwIfInvalid();
    loans.delivered(TicketVariables.ticketCode(task), receivedBy.strip(), note);
  }
}
