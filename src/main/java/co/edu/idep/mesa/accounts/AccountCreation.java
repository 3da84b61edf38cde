package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Step 10 for accounts: the accesses created, recorded on the ticket (control point of step 4). */
@Service
public class AccountCreation {

  private static final Map<String, String> ACCESS_NAMES =
      Map.of("RED", "red (Directorio Activo)", "VPN", "VPN", "CORREO", "correo institucional");

  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  public AccountCreation(TicketRepository tickets, TicketTimeline timeline) {
    this.tickets = tickets;
    this.timeline = timeline;
  }

  public void created(String code, Map<String, Object> accountData, String username,
      List<String> accessesCreated, String institutionalEmail) {
    Map<String, Object> record = new LinkedHashMap<>(accountData);
    record.put("accountUsername", username);
    record.put("accessesCreated", accessesCreated);
    if (institutionalEmail != null) record.put("institutionalEmail", institutionalEmail);
    tickets.updateDetails(code, record, timeline.now());
    String accesses = accessesCreated.stream().map(ACCESS_NAMES::get).collect(Collectors.joining(", "));
    timeline.record(code, NoteKind.CUENTA_CREADA,
        "Cuenta «" + username + "» creada con acceso a: " + accesses + "."
            + (institutionalEmail == null ? "" : " Correo institucional: " + institutionalEmail + ".")
            + " Credenciales entregadas con el formato PO-GT-12-01 firmado por el usuario.",
        TicketState.RESUELTO);
  }
}
