package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.ticket.Topic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
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

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,29}");
  private static final Pattern INSTITUTIONAL_EMAIL =
      Pattern.compile("[a-z0-9][a-z0-9._-]*@idep\\.edu\\.co");

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
    String username = in.matching("accountUsername", "Usuario creado", true, 30, USERNAME,
        "debe tener de 3 a 30 letras minúsculas, números, puntos, guiones o guiones bajos.");
    List<String> created = in.codes("accessesCreated", "Accesos creados", true, AccountFields.ACCESSES);
    @SuppressWarnings("unchecked")
    List<String> requested = (List<String>) account.getOrDefault("accesses", List.of());
    List<String> missing = new ArrayList<>(requested);
    missing.removeAll(created);
    if (!created.isEmpty() && !missing.isEmpty()) {
      in.reject("accessesCreated", "Faltan accesos solicitados por crear: " + String.join(", ", missing) + ".");
    }
    String email = null;
    if (created.contains("CORREO")) {
      email = in.matching("institutionalEmail", "Correo institucional creado", true, 120,
          INSTITUTIONAL_EMAIL, "debe ser una dirección del dominio idep.edu.co.");
    }
    if (!Boolean.TRUE.equals(in.bool("credentialsPolicySigned", "Formato PO-GT-12-01 firmado", true))) {
      in.reject("credentialsPolicySigned",
          "Las credenciales solo se entregan con el formato PO-GT-12-01 firmado por el usuario.");
    }
    in.throwIfInvalid();
    account.forEach((key, value) -> task.setVariable(key, TicketVariables.processValue(value)));
    accountCreation.created(TicketVariables.ticketCode(task), account, username, created, email);
  }
}
