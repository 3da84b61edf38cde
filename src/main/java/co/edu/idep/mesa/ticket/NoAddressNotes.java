package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.notification.UndeliverableRecipients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A person a ticket's e-mail could not reach for want of an address gets a note in the ticket's
 * timeline instead of an error (issue 9, point 3): «No se pudo avisar por correo a «usuario»
 * (Ticket registrado): no tiene dirección registrada.», kind {@link NoteKind#AVISO_NO_ENVIADO},
 * signed by the system. The mail sender tells it so when it sends the message (notification/
 * MailDelivery), in the transaction that records the outcome; messages about something that is not
 * a ticket (a report) are not its business.
 *
 * <p>Once per person and notice: the sender tells of each message once, and a note already written
 * since the ticket's last note of another kind is not written again (the same notice retried).
 */
@Component
class NoAddressNotes implements UndeliverableRecipients {

  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  NoAddressNotes(TicketRepository tickets, TicketTimeline timeline) {
    this.tickets = tickets;
    this.timeline = timeline;
  }

  @Override
  public void noAddress(String ticketCode, String kind, Map<String, Object> model, List<String> userIds) {
    if (ticketCode == null || tickets.findByCode(ticketCode).isEmpty()) return;
    String what = TicketNotifications.label(kind, model);
    List<String> recent = recentWarnings(ticketCode);
    for (String user : userIds) {
      String body = "No se pudo avisar por correo a «" + user + "» (" + what + "): no tiene dirección registrada.";
      if (recent.contains(body)) continue;
      tickets.addNote(ticketCode, new TicketNote(timeline.now(), TicketTimeline.SYSTEM_AUTHOR, NoteKind.AVISO_NO_ENVIADO,
          body));
      recent.add(body);
    }
  }

  /** The bodies of the notes about notices not sent since the ticket's last note of another kind. */
  private List<String> recentWarnings(String code) {
    List<TicketNote> notes = tickets.notes(code);
    List<String> recent = new ArrayList<>();
    for (int i = notes.size() - 1; i >= 0 && notes.get(i).kind() == NoteKind.AVISO_NO_ENVIADO; i--) {
      recent.add(notes.get(i).body());
    }
    return recent;
  }
}
