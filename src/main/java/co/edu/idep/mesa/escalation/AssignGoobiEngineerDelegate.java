package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Reasignar al ingeniero a cargo de Goobi" (step 11.2.2): the ticket goes to the Goobi
 * engineer's group and the reassignment is noted. The e-mail to the engineer is a later step.
 */
@Component
public class AssignGoobiEngineerDelegate implements JavaDelegate {

  private final Escalation escalation;
  private final String engineer;

  public AssignGoobiEngineerDelegate(
      Escalation escalation, @Value("${mesa.goobi.engineer:Ingeniero a cargo de Goobi}") String engineer) {
    this.escalation = escalation;
    this.engineer = engineer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    escalation.escalated(TicketVariables.ticketCode(execution), engineer, null, null,
        "el contratista de sistemas de información no pudo resolverlo; se reasigna el ticket.");
  }
}
