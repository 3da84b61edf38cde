package co.edu.idep.mesa.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code escalation}; every write is conditional, so a repeated step changes nothing. */
@Repository
public class EscalationRepository {

  private final JdbcClient jdbc;

  public EscalationRepository(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  /** Inserts it unless its key is there; true if inserted. */
  public boolean insertIfAbsent(EscalationRecord e) {
    return jdbc.sql("""
            insert into escalation (ticket_code, idempotency_key, provider_code, provider_name, channel,
              contract_number, external_reference, response_due_at, created_at)
            select ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from escalation where idempotency_key = ?)""")
        .params(e.ticketCode(), e.idempotencyKey(), e.providerCode(), e.providerName(), e.channel().name(),
            e.contractNumber(), e.externalReference(), utc(e.responseDueAt()), utc(e.createdAt()), e.idempotencyKey())
        .update() == 1;
  }

  public Optional<EscalationRecord> findByKey(String key) {
    return jdbc.sql("select * from escalation where idempotency_key = ?").param(key)
        .query(EscalationRepository::row).optional();
  }

  /** The ticket's latest escalation. */
  public Optional<EscalationRecord> latest(String ticketCode) {
    return jdbc.sql("select * from escalation where ticket_code = ? order by created_at desc, id desc fetch first 1 rows only")
        .param(ticketCode).query(EscalationRepository::row).optional();
  }

  public void answered(long id, boolean solved, String reference, Instant at) {
    jdbc.sql("""
            update escalation set answered_at = ?, solved = ?, external_reference = coalesce(?, external_reference)
            where id = ?""").params(utc(at), solved, reference, id).update();
  }

  /**
   * Table {@code vendor_request}: a request to a vendor's help desk is leaving for the escalation
   * {@code key}; false if one had already left and never had its answer recorded.
   */
  public boolean requestLeaving(String key, String ticketCode, Instant at) {
    return jdbc.sql("""
            insert into vendor_request (idempotency_key, ticket_code, sent_at)
            select ?, ?, ? where not exists (select 1 from vendor_request where idempotency_key = ?)""")
        .params(key, ticketCode, utc(at), key).update() == 1;
  }

  /** When a request for the escalation {@code key} left without its answer recorded, if one did. */
  public Optional<Instant> requestWithoutAnswer(String key) {
    return jdbc.sql("select sent_at from vendor_request where idempotency_key = ?").param(key)
        .query((rs, n) -> instant(rs.getTimestamp(1))).optional();
  }

  /** The vendor answered the request of {@code key}: a case number, or a refusal that opened nothing. */
  public void requestAnswered(String key) {
    jdbc.sql("delete from vendor_request where idempotency_key = ?").param(key).update();
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static EscalationRecord row(ResultSet rs, int n) throws SQLException {
    return new EscalationRecord(rs.getLong("id"), rs.getString("ticket_code"), rs.getString("idempotency_key"),
        rs.getString("provider_code"), rs.getString("provider_name"), EscalationChannel.valueOf(rs.getString("channel")),
        rs.getString("contract_number"), rs.getString("external_reference"), instant(rs.getTimestamp("response_due_at")),
        instant(rs.getTimestamp("answered_at")), (Boolean) rs.getObject("solved"), instant(rs.getTimestamp("created_at")));
  }
}
