package co.edu.idep.mesa.notification;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the process steps call to tell people something: writes to the outbox, in the step's
 * transaction, which template to send with which model and to whom. Nothing else: no identity
 * query, no rendering. {@link MailDelivery} looks the addresses up and renders the message when it
 * sends it, and tells {@link UndeliverableRecipients} of the users it found without an address.
 *
 * <pre>{@code
 * Notice notice = new Notice("TICKET_REGISTRADO", "ticket-registrado:" + code, code,
 *     "ticket-registrado", Map.of("code", code, "subject", subject, "topic", topic.label()));
 * notifications.toUsers(notice, List.of(requester));
 * }</pre>
 */
@Component
public class Notifications {

  /**
   * What to send: see {@link OutgoingMail} for {@code kind}, {@code idempotencyKey} and
   * {@code ticketCode}; {@code template} names the files of {@code templates/mail/}; {@code model}
   * holds what {@link MailModel} allows, and is checked when the notice is sent.
   */
  public record Notice(String kind, String idempotencyKey, String ticketCode, String template, Map<String, ?> model) {}

  public enum Outcome {
    /** Written to the outbox. */
    ENQUEUED,
    /** A message with this idempotency key is already in the outbox: nothing written. */
    ALREADY_ENQUEUED,
    /** The audience is empty (no user, group or address given): nothing written. */
    NO_RECIPIENT
  }

  /**
   * The outcome, and whom the message is for. Who of them has an address is known only when it is
   * sent: users without one are told to {@link UndeliverableRecipients} then.
   */
  public record Notified(Outcome outcome, Audience audience) {}

  private final MailOutbox outbox;

  public Notifications(MailOutbox outbox) {
    this.outbox = outbox;
  }

  /** One message to these Camunda users. */
  public Notified toUsers(Notice notice, Collection<String> userIds) {
    return send(notice, Audience.ofUsers(userIds));
  }

  /** One message to every member of these Camunda groups (the members they have when it is sent). */
  public Notified toGroups(Notice notice, Collection<String> groupIds) {
    return send(notice, Audience.ofGroups(groupIds));
  }

  /** One message to addresses outside the institute's users (a provider). */
  public Notified toAddresses(Notice notice, Collection<String> addresses) {
    return send(notice, Audience.ofAddresses(addresses));
  }

  /** One message to users, groups and addresses at once. */
  public Notified to(Notice notice, Audience audience) {
    return send(notice, audience);
  }

  /** A notice and whom it is for, one of several that a step sends together. */
  public record Addressed(Notice notice, Audience audience) {}

  /** Several messages of one step, written to the outbox together (one round trip); outcomes in order. */
  public List<Notified> all(List<Addressed> messages) {
    List<Addressed> sendable = messages.stream().filter(m -> !m.audience().isEmpty()).toList();
    Iterator<Boolean> written = outbox.enqueueAll(sendable.stream().map(Notifications::mail).toList()).iterator();
    return messages.stream().map(m -> m.audience().isEmpty() ? new Notified(Outcome.NO_RECIPIENT, m.audience())
        : new Notified(written.next() ? Outcome.ENQUEUED : Outcome.ALREADY_ENQUEUED, m.audience())).toList();
  }

  private Notified send(Notice notice, Audience audience) {
    return all(List.of(new Addressed(notice, audience))).get(0);
  }

  private static OutgoingMail mail(Addressed message) {
    Notice notice = message.notice();
    @SuppressWarnings("unchecked")
    Map<String, Object> model = (Map<String, Object>) (Map<String, ?>) (notice.model() == null ? Map.of() : notice.model());
    return new OutgoingMail(notice.kind(), notice.idempotencyKey(), notice.ticketCode(), notice.template(), model,
        message.audience());
  }
}
