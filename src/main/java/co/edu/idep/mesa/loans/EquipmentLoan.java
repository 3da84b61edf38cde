package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Steps 5 and 10 for loans: the equipment is prepared, handed over, and its tags recorded. */
@Service
public class EquipmentLoan {

  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  public EquipmentLoan(TicketRepository tickets, TicketTimeline timeline) {
    this.tickets = tickets;
    this.timeline = timeline;
  }

  public void prepared(String code, Map<String, Object> loan, boolean exitFormFilled, String note) {
    tickets.updateDetails(code, loan, timeline.now());
    timeline.record(code, NoteKind.EQUIPOS_ALISTADOS, "Equipos alistados para el préstamo."
        + (exitFormFilled ? " Se diligenció el Formato para salida de equipos." : "")
        + (note == null ? "" : " Observación: " + note), TicketState.EN_ATENCION);
  }

  public void delivered(String code, List<String> assetTags, String note) {
    tickets.updateDetails(code, Map.of("assetTags", assetTags), timeline.now());
    timeline.record(code, NoteKind.PLACAS_REGISTRADAS,
        "Equipos entregados. Placa(s): " + String.join(", ", assetTags) + "."
            + (note == null ? "" : " Observación: " + note), TicketState.RESUELTO);
  }
}
