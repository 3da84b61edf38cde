package co.edu.idep.mesa.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final Clock clock;

  public MailOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
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
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("MailOutbox.enqueue needs the transaction of the step that sends the mail");
    }
    String model = MailModel.toJson(mail.template(), mail.model());
    String audience = mail.audience().toJson();
    OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    // One statement, no failed insert: on PostgreSQL a duplicate key would abort the caller's
    // transaction. Two steps racing with one key still meet the unique constraint, and one retries.
    return jdbc.sql("""
            insert into mail_outbox (idempotency_key, kind, ticket_code, template, model, audience,
              state, attempts, next_attempt_at, created_at)
            select ?, ?, ?, ?, ?, ?, ?, 0, ?, ?
            where not exists (select 1 from mail_outbox where idempotency_key = ?)""")
        .params(mail.idempotencyKey(), mail.kind(), mail.ticketCode(), mail.template(), model, audience,
            OutboxState.PENDIENTE.name(), now, now, mail.idempotencyKey())
        .update() == 1;
  }
}
