package co.edu.idep.mesa.ticket;

import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
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
    // The person logged in is the requester, whatever the start carried; the initiator variable
    // holds him too, and only an unauthenticated start (the engine's own tests) relies on it.
    String requester = authenticatedUser(execution).orElseGet(() -> TicketVariables.REQUESTER.get(execution));
    if (!Objects.equals(requester, TicketVariables.REQUESTER.get(execution))) {
      TicketVariables.REQUESTER.set(execution, requester);
    }
    TicketRegistration.Registered registered =
        registration.register(requester, execution.getProcessInstanceId(), execution.getVariables());
    // Keep the validated, normalised values; re-setting an unchanged one would only cost history rows.
    registered.request().toVariables().forEach((name, value) -> {
      if (!Objects.equals(execution.getVariable(name), value)) execution.setVariable(name, value);
    });
    TicketVariables.TICKET_CODE.set(execution, registered.code());
    execution.setProcessBusinessKey(registered.code());
  }

  private static Optional<String> authenticatedUser(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return Optional.ofNullable(user).map(Authentication::getUserId);
  }
}
