package co.edu.idep.mesa.accounts;

import static co.edu.idep.mesa.ticket.field.Fields.ACCESSES;
import static co.edu.idep.mesa.ticket.field.Fields.ACCESSES_CREATED;
import static co.edu.idep.mesa.ticket.field.Fields.ACCOUNT_USERNAME;
import static co.edu.idep.mesa.ticket.field.Fields.CREDENTIALS_POLICY_SIGNED;
import static co.edu.idep.mesa.ticket.field.Fields.INSTITUTIONAL_EMAIL;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.ticket.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Crear la cuenta de usuario". The account data is checked again (a ticket whose
 * topic was changed to accounts arrives without it), every requested access must be created, and
 * the credentials must have been handed over under policy PO-GT-12-01.
 */
@Component
public class RecordAccountCreationListener implements TaskListener {

  private final AccountFields accountFields;
  private final AccountCreation accountCreation;

  public RecordAccountCreationListener(AccountFields accountFields, AccountCreation accountCreation) {
    this.accountFields = accountFields;
    this.accountCreation = accountCreation;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Map<String, Object> account = new LinkedHashMap<>();
    accountFields.read(Topic.CUENTA_USUARIO, in, account);
    String username = ACCOUNT_USERNAME.text(in);
    List<String> created = ACCESSES_CREATED.codes(in);
    @SuppressWarnings("unchecked")
    List<String> requested = (List<String>) account.getOrDefault(ACCESSES.key(), List.of());
    List<String> missing = new ArrayList<>(requested);
    missing.removeAll(created);
    if (!created.isEmpty() && !missing.isEmpty()) {
      in.reject(ACCESSES_CREATED.key(), "Faltan accesos solicitados por crear: " + String.join(", ", missing) + ".");
    }
    String email = null;
    if (created.contains(AccountFields.MAIL_ACCESS)) {
      email = INSTITUTIONAL_EMAIL.text(in);
    }
    if (!Boolean.TRUE.equals(CREDENTIALS_POLICY_SIGNED.bool(in))) {
      in.reject(CREDENTIALS_POLICY_SIGNED.key(),
          "Las credenciales solo se entregan con el formato PO-GT-12-01 firmado por el usuario.");
    }
    in.throwIfInvalid();
    account.forEach((key, value) -> task.setVariable(key, TicketVariables.processValue(value)));
    accountCreation.created(TicketVariables.ticketCode(task), account, username, created, email);
  }
}
