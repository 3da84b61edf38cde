package co.edu.idep.mesa.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Cerrar el ticket sin respuesta del solicitante": the verification's deadline passed without an
 * answer, so the ticket stops counting as open; its timeline says why.
 */
@Component
public class CloseUnansweredTicketDelegate implements JavaDelegate {

  private final TicketResolution resolution;
  private final long closeAfterWorkingDays;

  public CloseUnansweredTicketDelegate(TicketResolution resolution,
      @Value("${mesa.verification.close-after-working-days}") long closeAfterWorkingDays) {
    this.resolution = resolution;
    this.closeAfterWorkingDays = closeAfterWorkingDays;
  }

  @Override
  public void execute(DelegateExecution execution) {
    resolution.closeWithoutAnswer(TicketVariables.ticketCode(execution), closeAfterWorkingDays);
  }
}
