package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.ticket.SpanishDates;
import co.edu.idep.mesa.accounts.directory.Access;
import co.edu.idep.mesa.accounts.directory.DirectoryAccount;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.field.Fields;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Steps 4 and 10 for accounts, as the ticket records them: the review, the requester's correction,
 * the account the directory holds, and the hand-over of the credentials (control point of step 4).
 * No note ever holds a password.
 */
@Service
public class AccountCreation {

  private static final Map<Access, String> ACCESS_NAMES =
      Map.of(Access.RED, "red (Directorio Activo)", Access.VPN, "VPN", Access.CORREO, "correo institucional");
  private static final DateTimeFormatter DAY = SpanishDates.LONG_DATE;

  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  public AccountCreation(TicketRepository tickets, TicketTimeline timeline) {
    this.tickets = tickets;
    this.timeline = timeline;
  }

  /** The technician approved the request, with the data as he reviewed it. */
  public void approved(String code, Map<String, Object> accountData) {
    tickets.updateDetails(code, accountData, timeline.now());
    Object contractEnd = accountData.get(Fields.CONTRACT_END.key());
    timeline.record(code, NoteKind.SOLICITUD_APROBADA, "Solicitud de cuenta revisada y aprobada: se crea en el directorio."
        + (contractEnd == null ? "" : " Contrato vigente hasta " + DAY.format(LocalDate.parse(contractEnd.toString())) + "."));
  }

  /** The technician returned the request to the requester. */
  public void returned(String code, Map<String, Object> accountData, String reason) {
    tickets.updateDetails(code, accountData, timeline.now());
    timeline.record(code, NoteKind.SOLICITUD_DEVUELTA, "Solicitud de cuenta devuelta al solicitante. Motivo: " + reason);
  }

  /** The requester corrected the request. */
  public void corrected(String code, Map<String, Object> accountData) {
    tickets.updateDetails(code, accountData, timeline.now());
    timeline.record(code, NoteKind.SOLICITUD_CORREGIDA, "El solicitante corrigió la solicitud de cuenta.");
  }

  /** The directory holds the account: what it is, on the ticket (again after a correction). */
  public void provisioned(String code, DirectoryAccount account, boolean again) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(Fields.ACCOUNT_USERNAME.key(), account.loginName());
    record.put(Fields.ACCESSES_CREATED.key(), codes(account));
    if (account.mail() != null) record.put(Fields.INSTITUTIONAL_EMAIL.key(), account.mail());
    tickets.updateDetails(code, record, timeline.now());
    String accesses = account.accesses().stream().map(ACCESS_NAMES::get).collect(Collectors.joining(", "));
    timeline.record(code, NoteKind.CUENTA_CREADA,
        "Cuenta «" + account.loginName() + "» " + (again ? "revisada" : "creada") + " en el directorio con acceso a: "
            + accesses + "." + (account.mail() == null ? "" : " Correo institucional: " + account.mail() + "."));
  }

  /** A temporary password was set for the account and shown to {@code by}; the password is not written. */
  public void passwordRevealed(String code, String loginName, String by) {
    timeline.record(code, NoteKind.CONTRASENA_TEMPORAL,
        "Se asignó una contraseña temporal a la cuenta «" + loginName + "»; la vio " + by
            + " para entregarla. El usuario debe cambiarla al iniciar sesión.");
  }

  /** The credentials were handed over, by the person logged in, with PO-GT-12-01 signed on {@code signedOn}. */
  public void handedOver(String code, LocalDate signedOn) {
    timeline.record(code, NoteKind.CREDENCIALES_ENTREGADAS,
        "Credenciales entregadas por " + timeline.currentUser() + " con el formato PO-GT-12-01 firmado por el usuario el "
            + DAY.format(signedOn) + ".",
        TicketState.RESUELTO);
  }

  static List<String> codes(DirectoryAccount account) {
    return account.accesses().stream().map(Access::name).sorted().toList();
  }
}
