package co.edu.idep.mesa.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox (db/migration V5): a message is a row written in the transaction of the step that
 * causes it, on that step's connection. A step that rolls back takes its messages with it; one that
 * commits leaves them for {@link MailDelivery}, which sends them whether or not the mail server is up
 * at that moment.
 *
 * <p>The row says what to send (template, model) and to whom (audience), nothing more: enqueueing is
 * one INSERT, with no identity query and no rendering, so that it costs the step next to nothing.
 */
@Component
public class MailOutbox {

  private final JdbcTemplate template;
  private final Clock clock;

  public MailOutbox(JdbcTemplate template, Clock clock) {
    this.template = template;
    this.clock = clock;
  }

  /**
   * Writes {@code mail} to the outbox in the caller's transaction (a Camunda delegate or listener
   * runs in one; elsewhere open one), unless a message with its idempotency key is already there.
   *
   * @return true if written, false if its idempotency key was already in the outbox
   * @throws IllegalStateException outside a transaction: the message would be sent even if the step failed
   * @throws IllegalArgumentException if its model or audience is too large for the outbox
   */
  public boolean enqueue(OutgoingMail mail) {
    return enqueueAll(List.of(mail)).get(0);
  }

  /**
   * As {@link #enqueue}, for the messages one step sends at once (the requester's and the group's of
   * a new ticket): one batch, one round trip to the database.
   *
   * @return for each message, whether it was written
   */
  public List<Boolean> enqueueAll(List<OutgoingMail> mails) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("MailOutbox.enqueue needs the transaction of the step that sends the mail");
    }
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    List<Object[]> rows = mails.stream().map(mail -> new Object[] {mail.idempotencyKey(), mail.kind(),
        mail.ticketCode(), mail.template(), MailModel.toJson(mail.template(), mail.model()), mail.audience().toJson(),
        OutboxState.PENDIENTE.name(), now, now, mail.idempotencyKey()}).toList();
    // One statement per message, no failed insert: on PostgreSQL a duplicate key would abort the
    // caller's transaction. Two steps racing with one key still meet the unique constraint, and one retries.
    int[] counts = template.batchUpdate("""
            insert into mail_outbox (idempotency_key, kind, ticket_code, template, model, audience,
              state, attempts, next_attempt_at, created_at)
            select ?, ?, ?, ?, ?, ?, ?, 0, ?, ?
            where not exists (select 1 from mail_outbox where idempotency_key = ?)""", rows);
    return Arrays.stream(counts).mapToObj(count -> count != 0).toList();
  }
}
