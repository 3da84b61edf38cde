package co.edu.idep.mesa.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the sender and {@code /api/outbox} do with the outbox rows. A sender owns a message while it
 * holds its claim: a token and an expiry, set by one conditional UPDATE, so two nodes on one database
 * never both take the same message; every outcome is recorded only under the claim it was sent with.
 */
@Repository
class OutboxRepository {

  /** A message a sender has claimed, with what it needs to send it: still to be resolved and rendered. */
  record Claimed(long id, String idempotencyKey, String kind, String ticketCode, String template, String model,
      String audience, int attempts, String claimToken) {}

  /** A row of {@code /api/outbox}: whom it is for and where it stands, never its model. */
  record Entry(long id, String kind, String ticketCode, Audience audience, List<String> recipients,
      OutboxState state, int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt,
      OffsetDateTime sentAt, String lastError) {}

  static final int MAX_ERROR_LENGTH = 1000;
  static final int MAX_RECIPIENTS_LENGTH = 20_000;

  /** Due: pending and its time has come, or claimed by a sender whose claim ran out (it stopped). */
  private static final String DUE = """
      ((state = 'PENDIENTE' and next_attempt_at <= ?) or (state = 'ENVIANDO' and claimed_until < ?))""";

  private final JdbcClient jdbc;

  OutboxRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the message due first, if any. The condition is checked again on the row itself, so of
   * two senders that picked the same row only one updates it (PostgreSQL re-reads a row that another
   * transaction changed meanwhile, and H2 too).
   */
  Optional<Claimed> claimNext(String token, Instant now, Duration claimTimeout) {
    OffsetDateTime at = utc(now);
    int claimed = jdbc.sql("""
            update mail_outbox set state = 'ENVIANDO', claim_token = ?, claimed_until = ?, attempts = attempts + 1
            where id = (select id from mail_outbox where %s order by next_attempt_at, id fetch first 1 rows only)
              and %s""".formatted(DUE, DUE))
        .params(token, utc(now.plus(claimTimeout)), at, at, at, at)
        .update();
    if (claimed == 0) return Optional.empty();
    return jdbc.sql("""
            select id, idempotency_key, kind, ticket_code, template, model, audience, attempts, claim_token
            from mail_outbox where claim_token = ?""")
        .param(token)
        .query((rs, n) -> new Claimed(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("kind"),
            rs.getString("ticket_code"), rs.getString("template"), rs.getString("model"), rs.getString("audience"),
            rs.getInt("attempts"), rs.getString("claim_token")))
        .optional();
  }

  /** Whether some message is due: after a lost race, there may be another one to claim. */
  boolean anyDue(Instant now) {
    OffsetDateTime at = utc(now);
    return jdbc.sql("select count(*) from mail_outbox where " + DUE).params(at, at).query(Long.class).single() > 0;
  }

  /**
   * Sent to {@code recipients}: the model goes (the content left; Ley 1581), the row stays as the
   * record of delivery, with the addresses it went to.
   */
  boolean sent(Claimed mail, Instant at, List<String> recipients) {
    return jdbc.sql("""
            update mail_outbox set state = 'ENVIADO', sent_at = ?, recipients = ?, claim_token = null,
              claimed_until = null, last_error = null, model = null
            where id = ? and claim_token = ?""")
        .params(utc(at), joined(recipients), mail.id(), mail.claimToken())
        .update() == 1;
  }

  /**
   * A failed attempt: tried again at {@code nextAttempt}, or FALLIDO when that was the last one (or
   * the message cannot be built at all). {@code recipients} are the addresses it was for, if known.
   */
  boolean failed(Claimed mail, OutboxState state, Instant nextAttempt, String error, List<String> recipients) {
    String set = recipients == null ? "" : ", recipients = ?";
    List<Object> params = new ArrayList<>(List.of(state.name(), utc(nextAttempt), truncate(error)));
    if (recipients != null) params.add(joined(recipients));
    params.addAll(List.of(mail.id(), mail.claimToken()));
    return jdbc.sql("""
            update mail_outbox set state = ?, next_attempt_at = ?, last_error = ?, claim_token = null,
              claimed_until = null%s
            where id = ? and claim_token = ?""".formatted(set))
        .params(params)
        .update() == 1;
  }

  /** Nobody of its audience has an address: SIN_DESTINATARIO, with {@code error} saying who is missing. */
  boolean withoutRecipient(Claimed mail, String error) {
    return jdbc.sql("""
            update mail_outbox set state = 'SIN_DESTINATARIO', last_error = ?, recipients = '', claim_token = null,
              claimed_until = null
            where id = ? and claim_token = ?""")
        .params(truncate(error), mail.id(), mail.claimToken())
        .update() == 1;
  }

  /**
   * A FALLIDO or SIN_DESTINATARIO message back to PENDIENTE with all its attempts; its audience is
   * looked up again when it is sent. False if it is in neither state.
   */
  boolean retry(long id, Instant now) {
    return jdbc.sql("""
            update mail_outbox set state = 'PENDIENTE', attempts = 0, next_attempt_at = ?
            where id = ? and state in ('FALLIDO', 'SIN_DESTINATARIO')""")
        .params(utc(now), id)
        .update() == 1;
  }

  Optional<Entry> find(long id) {
    return jdbc.sql(ENTRY + " where id = ?").param(id).query(this::entry).optional();
  }

  /** The newest {@code limit} messages, of one state or of all. */
  List<Entry> list(OutboxState state, int limit) {
    return state == null
        ? jdbc.sql(ENTRY + " order by id desc fetch first ? rows only").param(limit).query(this::entry).list()
        : jdbc.sql(ENTRY + " where state = ? order by id desc fetch first ? rows only")
            .params(state.name(), limit).query(this::entry).list();
  }

  private static final String ENTRY = """
      select id, kind, ticket_code, audience, recipients, state, attempts, created_at, next_attempt_at, sent_at,
        last_error
      from mail_outbox""";

  private Entry entry(ResultSet rs, int row) throws SQLException {
    OutboxState state = OutboxState.valueOf(rs.getString("state"));
    return new Entry(rs.getLong("id"), rs.getString("kind"), rs.getString("ticket_code"),
        Audience.fromJson(rs.getString("audience")), recipients(rs.getString("recipients")), state,
        rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class),
        state == OutboxState.PENDIENTE ? rs.getObject("next_attempt_at", OffsetDateTime.class) : null,
        rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"));
  }

  private static List<String> recipients(String stored) {
    if (stored == null) return List.of();
    return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The addresses as stored: whole ones only, as many as fit, and a count of the rest. */
  static String joined(List<String> addresses) {
    String all = String.join(", ", addresses);
    if (all.length() <= MAX_RECIPIENTS_LENGTH) return all;
    StringBuilder kept = new StringBuilder();
    for (int i = 0; i < addresses.size(); i++) {
      String more = ", … (" + (addresses.size() - i) + " más)";
      String next = (i == 0 ? "" : ", ") + addresses.get(i);
      if (kept.length() + next.length() + more.length() > MAX_RECIPIENTS_LENGTH) return kept + more;
      kept.append(next);
    }
    return kept.toString();
  }

  private static String truncate(String error) {
    if (error == null) return null;
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
