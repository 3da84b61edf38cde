package co.edu.idep.mesa.ticket;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Registrar el ticket". Runs synchronously right after the start event, so invalid input from
 * the Tasklist start form rolls back the whole start: no ticket and no process instance.
 */
@Component
public class RegisterTicketDelegate implements JavaDelegate {

  private final TicketRegistration registration;

  public RegisterTicketDelegate(TicketRegistration registration) {
    this.registration = registration;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requester = (String) execution.getVariable(TicketVariables.REQUESTER);
    TicketRegistration.Registered registered =
        registration.register(requester, execution.getProcessInstanceId(), execution.getVariables());
    // Keep the validated, normalised values; re-setting an unchanged one would only cost history rows.
    registered.request().toVariables().forEach((name, value) -> {
      if (!Objects.equals(execution.getVariable(name), value)) execution.setVariable(name, value);
    });
    execution.setVariable(TicketVariables.TICKET_CODE, registered.code());
    execution.setProcessBusinessKey(registered.code());
  }
}
