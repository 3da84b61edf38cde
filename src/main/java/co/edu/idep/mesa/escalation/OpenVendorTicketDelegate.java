package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.EVALUATION_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_NAME;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_REFERENCE;
import static co.edu.idep.mesa.ticket.field.Fields.VENDOR_CASE_BY_HAND;

import co.edu.idep.mesa.escalation.provider.Providers;
import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Abrir el caso en la mesa de ayuda del proveedor de Humano", asynchronous: a ticket on the vendor's
 * osTicket, whose number the follow-up form shows. Without the API configured, or when a request left
 * and its answer was lost, it sends nothing and the diagram sends the case to be opened (or found) by
 * hand ({@value #OPENED} false), with the reason for the form.
 */
@Component
public class OpenVendorTicketDelegate implements JavaDelegate {

  static final String OPENED = "vendorTicketOpened";

  private final ProviderEscalations escalations;
  private final Providers providers;

  public OpenVendorTicketDelegate(ProviderEscalations escalations, Providers providers) {
    this.escalations = escalations;
    this.providers = providers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String code = TicketVariables.ticketCode(execution);
    VendorCase vendorCase = escalations.byOsTicket(code, EscalationSteps.key(execution),
        (String) execution.getVariable(EVALUATION_NOTE.key()));
    execution.setVariable(OPENED, vendorCase.isOpened());
    if (vendorCase.isOpened()) {
      execution.setVariable(PROVIDER_REFERENCE.key(), vendorCase.opened().externalReference());
      execution.setVariable(PROVIDER_NAME.key(), vendorCase.opened().providerName());
    } else {
      execution.setVariable(VENDOR_CASE_BY_HAND.key(), vendorCase.byHandBecause());
      execution.setVariable(PROVIDER_NAME.key(),
          providers.forTopic(TicketVariables.topic(execution)).map(p -> p.name()).orElse(null));
    }
  }
}
