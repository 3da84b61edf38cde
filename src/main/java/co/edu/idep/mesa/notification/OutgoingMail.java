package co.edu.idep.mesa.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One message for the outbox: what to send and to whom, not yet rendered nor resolved.
 * {@link MailDelivery} renders {@code template} with {@code model} and resolves {@code audience}
 * to addresses when it sends it.
 *
 * @param kind what it tells, in capitals (e.g. {@code TICKET_REGISTRADO}); shown in {@code /api/outbox}
 * @param idempotencyKey unique per message: the same step retried, or run twice, enqueues it once
 *     (e.g. {@code ticket-registrado:MDS-2026-000001}, {@code solucion-lista:<task id>})
 * @param ticketCode the ticket or report it is about, or null
 * @param template the files of {@code templates/mail/} ({@link MailTemplates}); they must exist
 * @param model what the template shows: see {@link MailModel} for what it may hold; kept as checked
 * @param audience whom it is for; not empty
 */
public record OutgoingMail(String kind, String idempotencyKey, String ticketCode, String template,
    Map<String, Object> model, Audience audience) {

  static final int MAX_KEY_LENGTH = 200;
  static final int MAX_TICKET_CODE_LENGTH = 20;
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  public OutgoingMail {
    require(kind != null && KIND.matcher(kind).matches(), "kind must be 1-40 capitals, digits or _");
    require(idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= MAX_KEY_LENGTH,
        "idempotencyKey must be 1-" + MAX_KEY_LENGTH + " characters");
    require(ticketCode == null || ticketCode.length() <= MAX_TICKET_CODE_LENGTH,
        "ticketCode must be at most " + MAX_TICKET_CODE_LENGTH + " characters");
    require(template != null && MailTemplates.NAME.matcher(template).matches(),
        "template must be a name of templates/mail/ in lower case with hyphens");
    require(MailTemplates.exists(template), "no mail template «" + template + "»: templates/mail/" + template
        + ".subject.txt, .html and .txt must all exist");
    model = MailModel.checked(template, model);
    require(audience != null && !audience.isEmpty(), "a message needs at least one user, group or address");
  }

  /** Whether {@code address} is one address we can send to (user@domain, nothing else). */
  static boolean isAddress(String address) {
    if (address == null || address.isBlank() || address.contains(",")) return false;
    try {
      InternetAddress parsed = new InternetAddress(address.strip(), true);
      return parsed.getPersonal() == null && parsed.getAddress().contains("@");
    } catch (AddressException e) {
      return false;
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) throw new IllegalArgumentException(message);
  }
}
