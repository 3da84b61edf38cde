package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import org.springframework.stereotype.Service;

/** Step 11: every escalation leaves a note on the ticket naming the provider. */
@Service
public class Escalation {

  private final TicketTimeline timeline;

  public Escalation(TicketTimeline timeline) {
    this.timeline = timeline;
  }

  public void escalated(String code, String provider, String reference, String address, String comment) {
    String body = "Escalado a «" + provider + "»"
        + (reference == null ? "" : " (caso " + reference + ")")
        + (address == null ? "" : ", caso enviado por correo a " + address)
        + (comment == null ? "." : ": " + comment);
    timeline.record(code, NoteKind.ESCALAMIENTO, body, TicketState.ESCALADO);
  }
}
