package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.EVALUATION_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_NAME;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Enviar el caso al contratista de mantenimiento" and "Enviar el caso al proveedor web",
 * asynchronous: the dossier by e-mail to the provider of the ticket's topic, once per escalation.
 */
@Component
public class EscalateByMailDelegate implements JavaDelegate {

  private final ProviderEscalations escalations;

  public EscalateByMailDelegate(ProviderEscalations escalations) {
    this.escalations = escalations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EscalationRecord escalation = escalations.byMail(TicketVariables.ticketCode(execution),
        EscalationSteps.key(execution), (String) execution.getVariable(EVALUATION_NOTE.key()));
    // What the follow-up form shows.
    execution.setVariable(PROVIDER_NAME.key(), escalation.providerName());
  }
}
