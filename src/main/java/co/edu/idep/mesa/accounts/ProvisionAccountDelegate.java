package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.accounts.directory.AccountAlreadyExistsException;
import co.edu.idep.mesa.accounts.directory.DirectoryAccount;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.ticket.field.Fields;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Crear la cuenta en el directorio" (step 10), an asynchronous service task: a directory that does
 * not answer fails the job, which the engine retries and then shows as an incident. An account of the
 * same person that this ticket did not create is the BPMN error {@value #ACCOUNT_EXISTS}: the ticket
 * goes back to the technician with the Spanish message.
 */
@Component
public class ProvisionAccountDelegate implements JavaDelegate {

  static final String ACCOUNT_EXISTS = "CUENTA_EXISTENTE";

  private final AccountProvisioning provisioning;

  public ProvisionAccountDelegate(AccountProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @Override
  public void execute(DelegateExecution execution) {
    DirectoryAccount account;
    try {
      account = provisioning.provision(TicketVariables.ticketCode(execution));
    } catch (AccountAlreadyExistsException e) {
      throw new BpmnError(ACCOUNT_EXISTS, e.getMessage());
    }
    // What the hand-over form shows.
    execution.setVariable(Fields.ACCOUNT_USERNAME.key(), account.loginName());
    execution.setVariable(Fields.ACCESSES_CREATED.key(), TicketVariables.processValue(AccountCreation.codes(account)));
    execution.setVariable(Fields.INSTITUTIONAL_EMAIL.key(), account.mail());
    execution.removeVariable(Fields.ACCOUNT_PROBLEM.key());
  }
}
