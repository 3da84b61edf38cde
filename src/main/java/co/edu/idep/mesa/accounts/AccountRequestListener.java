package co.edu.idep.mesa.accounts;

import static co.edu.idep.mesa.ticket.field.Fields.ACCOUNT_APPROVED;
import static co.edu.idep.mesa.ticket.field.Fields.ACCOUNT_RETURN_REASON;
import static co.edu.idep.mesa.ticket.field.Fields.CONTRACT_END;
import static co.edu.idep.mesa.ticket.field.Fields.LINK_TYPE;
import static co.edu.idep.mesa.ticket.field.Fields.CREDENTIALS_POLICY_SIGNED;
import static co.edu.idep.mesa.ticket.field.Fields.CREDENTIALS_SIGNED_ON;

import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.validation.InputReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The user tasks of an account request (steps 4 and 10), each named in the diagram:
 * {@code ${accountRequestListener.reviewed(task)}}, {@code .corrected(task)}, {@code .handedOver(task)}.
 * Each reads its form's fields with the catalogue's rules and records them on the ticket.
 */
@Component
public class AccountRequestListener {

  private final AccountFields accountFields;
  private final AccountCreation creation;
  private final AccountPasswords passwords;
  private final Clock clock;

  public AccountRequestListener(AccountFields accountFields, AccountCreation creation, AccountPasswords passwords,
      Clock clock) {
    this.accountFields = accountFields;
    this.creation = creation;
    this.passwords = passwords;
    this.clock = clock;
  }

  /** "Revisar la solicitud de cuenta": approved, or returned with the reason. */
  public void reviewed(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Map<String, Object> account = accountData(in);
    Boolean approved = ACCOUNT_APPROVED.bool(in);
    String reason = ACCOUNT_RETURN_REASON.text(in, Boolean.FALSE.equals(approved));
    LocalDate contractEnd = CONTRACT_END.date(in);
    if (Boolean.TRUE.equals(approved) && AccountFields.CONTRACTOR.equals(account.get(LINK_TYPE.key()))) {
      if (contractEnd == null) {
        in.reject(CONTRACT_END.key(), "Registre la fecha de terminación del contrato del contratista.");
      } else if (contractEnd.isBefore(LocalDate.now(clock))) {
        in.reject(CONTRACT_END.key(), "El contrato ya terminó: no se crea la cuenta.");
      } else {
        account.put(CONTRACT_END.key(), contractEnd.toString());
      }
    }
    in.throwIfInvalid();
    keep(task, account);
    String code = TicketVariables.ticketCode(task);
    if (approved) {
      creation.approved(code, account);
    } else {
      creation.returned(code, account, reason);
    }
  }

  /** "Corregir la solicitud de cuenta": the requester's corrected data. */
  public void corrected(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Map<String, Object> account = accountData(in);
    in.throwIfInvalid();
    keep(task, account);
    creation.corrected(TicketVariables.ticketCode(task), account);
  }

  /**
   * "Entregar las credenciales": the policy signed, on a day not in the future, and a temporary
   * password set at this hand-over (PO-GT-12-01: the credentials are handed over, not sent).
   */
  public void handedOver(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean signed = CREDENTIALS_POLICY_SIGNED.bool(in);
    LocalDate signedOn = CREDENTIALS_SIGNED_ON.date(in);
    if (!Boolean.TRUE.equals(signed)) {
      in.reject(CREDENTIALS_POLICY_SIGNED.key(),
          "Las credenciales solo se entregan con el formato PO-GT-12-01 firmado por el usuario.");
    }
    if (signedOn != null && signedOn.isAfter(LocalDate.now(clock))) {
      in.reject(CREDENTIALS_SIGNED_ON.key(), "La fecha de la firma no puede ser posterior a hoy.");
    }
    String code = TicketVariables.ticketCode(task);
    if (!passwords.revealedDuring(code, task.getCreateTime())) {
      in.reject("password", "Revele la contraseña temporal antes de registrar la entrega de las credenciales.");
    }
    in.throwIfInvalid();
    creation.handedOver(code, signedOn);
  }

  private Map<String, Object> accountData(InputReader in) {
    Map<String, Object> account = new LinkedHashMap<>();
    accountFields.read(Topic.CUENTA_USUARIO, in, account);
    return account;
  }

  /** The checked, normalised values, for the next forms. */
  private static void keep(DelegateTask task, Map<String, Object> account) {
    account.forEach((key, value) -> task.setVariable(key, TicketVariables.processValue(value)));
  }
}
