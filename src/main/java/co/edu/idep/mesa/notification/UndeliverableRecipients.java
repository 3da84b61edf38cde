package co.edu.idep.mesa.notification;

import java.util.List;
import java.util.Map;

/**
 * Told by {@link MailDelivery} of the users a message could not reach for want of an e-mail
 * address, so that the capability the message is about records it where people look (the ticket
 * package writes a note in the ticket's timeline). Called once per message, when its outcome is
 * recorded (ENVIADO to the others, or SIN_DESTINATARIO), in the transaction that records it: what
 * an implementation writes commits with that outcome. Should it fail, the outcome is still recorded
 * and the failure logged.
 *
 * <p>Every implementation is told of every message; one ignores the codes that are not its own
 * (a report's key, to the ticket package).
 */
public interface UndeliverableRecipients {

  /**
   * @param ticketCode the ticket or report the message is about, or null
   * @param kind the message's kind (e.g. {@code TICKET_REGISTRADO})
   * @param model the message's model, as its template saw it (e.g. to tell which target a warning was about)
   * @param userIds the users without an address, in the audience's order, each once; not empty
   */
  void noAddress(String ticketCode, String kind, Map<String, Object> model, List<String> userIds);
}
