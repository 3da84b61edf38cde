package co.edu.idep.mesa.notification;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the process steps call to tell people something: renders a template of
 * {@code templates/mail/} and writes the message to the outbox in the step's transaction.
 *
 * <pre>{@code
 * Notice notice = new Notice("TICKET_REGISTRADO", "ticket-registrado:" + code, code,
 *     "ticket-registrado", Map.of("code", code, "subject", subject, "topic", topic.label()));
 * Notified result = notifications.toUsers(notice, List.of(requester));
 * if (!result.usersWithoutAddress().isEmpty()) { ... a timeline note instead of an error ... }
 * }</pre>
 */
@Component
public class Notifications {

  /**
   * What to send: see {@link OutgoingMail} for {@code kind}, {@code idempotencyKey} and
   * {@code ticketCode}; {@code template} names the files of {@code templates/mail/}.
   */
  public record Notice(String kind, String idempotencyKey, String ticketCode, String template, Map<String, ?> model) {}

  public enum Outcome {
    /** Written to the outbox. */
    ENQUEUED,
    /** A message with this idempotency key is already in the outbox: nothing written. */
    ALREADY_ENQUEUED,
    /** Nobody to send it to (see {@link Notified#usersWithoutAddress()}): nothing written. */
    NO_RECIPIENT
  }

  /** The outcome, the addresses it went to, and the users who could not be told for want of an address. */
  public record Notified(Outcome outcome, List<String> recipients, List<String> usersWithoutAddress) {}

  private final MailTemplates templates;
  private final MailOutbox outbox;
  private final MailRecipients recipients;

  public Notifications(MailTemplates templates, MailOutbox outbox, MailRecipients recipients) {
    this.templates = templates;
    this.outbox = outbox;
    this.recipients = recipients;
  }

  /** One message to these Camunda users. */
  public Notified toUsers(Notice notice, Collection<String> userIds) {
    return send(notice, recipients.users(userIds));
  }

  /** One message to every member of these Camunda groups. */
  public Notified toGroups(Notice notice, Collection<String> groupIds) {
    return send(notice, recipients.groups(groupIds));
  }

  /** One message to addresses outside the institute's users (a provider). */
  public Notified toAddresses(Notice notice, Collection<String> addresses) {
    return send(notice, new MailRecipients.Resolved(List.copyOf(addresses), List.of()));
  }

  private Notified send(Notice notice, MailRecipients.Resolved to) {
    if (to.addresses().isEmpty()) return new Notified(Outcome.NO_RECIPIENT, List.of(), to.usersWithoutAddress());
    RenderedMail mail = templates.render(notice.template(), notice.model());
    boolean written = outbox.enqueue(OutgoingMail.of(notice.kind(), notice.idempotencyKey(), notice.ticketCode(),
        to.addresses(), mail));
    return new Notified(written ? Outcome.ENQUEUED : Outcome.ALREADY_ENQUEUED, to.addresses(), to.usersWithoutAddress());
  }
}
