package co.edu.idep.mesa.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Cerrar el ticket" (step 14), once the requester's satisfaction comment is in. */
@Component
public class CloseTicketDelegate implements JavaDelegate {

  private final TicketResolution resolution;

  public CloseTicketDelegate(TicketResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void execute(DelegateExecution execution) {
    resolution.close(TicketVariables.ticketCode(execution));
  }
}
