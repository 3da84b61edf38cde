package co.edu.idep.mesa.escalation;

import static co.edu.idep.mesa.ticket.field.Fields.EVALUATION_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_NAME;
import static co.edu.idep.mesa.ticket.field.Fields.PROVIDER_REFERENCE;

import co.edu.idep.mesa.escalation.provider.Providers;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Abrir el caso en la mesa de ayuda del proveedor de Humano", asynchronous: a ticket on the vendor's
 * osTicket, whose number the follow-up form shows. Without the API configured it opens nothing and
 * the diagram sends the case to be opened by hand ({@value #OPENED} false).
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
    Optional<EscalationRecord> opened = escalations.byOsTicket(code, EscalationSteps.key(execution),
        (String) execution.getVariable(EVALUATION_NOTE.key()));
    execution.setVariable(OPENED, opened.isPresent());
    opened.ifPresent(e -> execution.setVariable(PROVIDER_REFERENCE.key(), e.externalReference()));
    execution.setVariable(PROVIDER_NAME.key(), opened.map(EscalationRecord::providerName)
        .orElseGet(() -> providers.forTopic(TicketVariables.topic(execution)).map(p -> p.name()).orElse(null)));
  }
}
