package co.edu.idep.mesa.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One message for the outbox, already rendered.
 *
 * @param kind what it tells, in capitals (e.g. {@code TICKET_REGISTRADO}); shown in {@code /api/outbox}
 * @param idempotencyKey unique per message: the same step retried, or run twice, enqueues it once
 *     (e.g. {@code ticket-registrado:MDS-2026-000001}, {@code solucion-lista:<task id>})
 * @param ticketCode the ticket or report it is about, or null
 * @param recipients e-mail addresses; duplicates are dropped
 */
public record OutgoingMail(String kind, String idempotencyKey, String ticketCode, List<String> recipients,
    String subject, String html, String text) {

  static final int MAX_KEY_LENGTH = 200;
  static final int MAX_RECIPIENTS_LENGTH = 4000;
  static final int MAX_SUBJECT_LENGTH = 300;
  static final int MAX_BODY_LENGTH = 100_000;
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

  public OutgoingMail {
    require(kind != null && KIND.matcher(kind).matches(), "kind must be 1-40 capitals, digits or _");
    require(idempotencyKey != null && !idempotencyKey.isBlank() && idempotencyKey.length() <= MAX_KEY_LENGTH,
        "idempotencyKey must be 1-" + MAX_KEY_LENGTH + " characters");
    require(ticketCode == null || ticketCode.length() <= 20, "ticketCode must be at most 20 characters");
    require(recipients != null && !recipients.isEmpty(), "a message needs at least one recipient");
    recipients = distinctValid(recipients);
    require(String.join(", ", recipients).length() <= MAX_RECIPIENTS_LENGTH, "too many recipients");
    // A header on one line: a line break in a subject would start a new header.
    subject = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
    require(!subject.isEmpty() && subject.length() <= MAX_SUBJECT_LENGTH, "subject must be 1-" + MAX_SUBJECT_LENGTH + " characters");
    require(html != null && html.length() <= MAX_BODY_LENGTH, "html must be at most " + MAX_BODY_LENGTH + " characters");
    require(text != null && text.length() <= MAX_BODY_LENGTH, "text must be at most " + MAX_BODY_LENGTH + " characters");
  }

  /** A message rendered by {@link MailTemplates}. */
  public static OutgoingMail of(String kind, String idempotencyKey, String ticketCode, List<String> recipients,
      RenderedMail mail) {
    return new OutgoingMail(kind, idempotencyKey, ticketCode, recipients, mail.subject(), mail.html(), mail.text());
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

  private static List<String> distinctValid(List<String> addresses) {
    Map<String, String> distinct = new LinkedHashMap<>();
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      // The message names the entry, not the address: addresses are personal data.
      require(isAddress(address), "recipient " + (i + 1) + " is not an e-mail address");
      distinct.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip());
    }
    return List.copyOf(distinct.values());
  }

  private static void require(boolean condition, String message) {
    if (!condition) throw new IllegalArgumentException(message);
  }
}
