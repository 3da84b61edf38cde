package co.edu.idep.mesa.servicelevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import co.edu.idep.mesa.transaction.TransactionCache;
import java.sql.Statement;
import java.util.Arrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables of db/migration V6: {@code ticket_service_level}, one row per ticket and target, and
 * {@code ticket_service_level_pause}, the waits on the requester. Every change is one conditional
 * statement on the caller's connection, so a repeated call (a retried job, a listener run twice)
 * finds its work done and changes nothing.
 */
@Repository
public class ServiceLevelRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public ServiceLevelRepository(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.template = template;
  }

  /**
   * Inserts the targets of a ticket being registered, in one batch: each unless the ticket already
   * has one of its kind (a repeated registration step). True if any was inserted; a ticket whose
   * targets start now has had no wait on its requester yet, and this step's reads know both.
   */
  boolean insertNew(List<ServiceLevelTarget> started, Instant now) {
    if (started.isEmpty()) return false;
    // One statement per row, no failed insert: on PostgreSQL a duplicate key would abort the caller's transaction.
    List<Object[]> rows = started.stream().map(t -> new Object[] {t.ticketCode(), t.kind().name(), t.topic(),
        t.priority(), t.targetMinutes(), utc(t.startedAt()), utc(t.dueAt()), utc(t.warningAt()), t.pausedMinutes(),
        utc(now), t.ticketCode(), t.kind().name()}).toList();
    int[] counts = template.batchUpdate("""
            insert into ticket_service_level (ticket_code, kind, topic, priority, target_minutes, started_at,
              due_at, warning_at, paused_minutes, updated_at)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
            where not exists (select 1 from ticket_service_level where ticket_code = ? and kind = ?)""", rows);
    boolean all = Arrays.stream(counts).allMatch(c -> c == 1);
    boolean any = Arrays.stream(counts).anyMatch(c -> c == 1 || c == Statement.SUCCESS_NO_INFO);
    String code = started.get(0).ticketCode();
    if (all) {
      // What was just written is what a read would return: the timers set in the same step need no query.
      started.forEach(t -> TransactionCache.put(targetKey(code, t.kind()), Optional.of(t)));
      TransactionCache.put(pausesKey(code), List.<Pause>of());
    } else {
      forget(code);
    }
    return any;
  }

  public List<ServiceLevelTarget> findByTicket(String code) {
    return jdbc.sql("select * from ticket_service_level where ticket_code = ?").param(code)
        .query(this::target).list().stream()
        .sorted((a, b) -> a.kind().compareTo(b.kind()))
        .toList();
  }

  /** The targets of the tickets {@code codes}, in one query, by ticket and kind. */
  public Map<String, List<ServiceLevelTarget>> findByTickets(Collection<String> codes) {
    if (codes.isEmpty()) return Map.of();
    return jdbc.sql("select * from ticket_service_level where ticket_code in (:codes)").param("codes", codes)
        .query(this::target).list().stream()
        .sorted((a, b) -> a.kind().compareTo(b.kind()))
        .collect(Collectors.groupingBy(ServiceLevelTarget::ticketCode));
  }

  public Optional<ServiceLevelTarget> find(String code, ServiceLevelKind kind) {
    return TransactionCache.read(targetKey(code, kind), () ->
        jdbc.sql("select * from ticket_service_level where ticket_code = ? and kind = ?")
            .params(code, kind.name()).query(this::target).optional());
  }

  /**
   * Gives an open target a new classification or schedule. Only while still open and as it was read
   * ({@code expectedDue}), so a concurrent change is not overwritten with stale figures.
   */
  boolean reschedule(ServiceLevelTarget t, Instant expectedDue, Instant now) {
    forget(t.ticketCode());
    return jdbc.sql("""
            update ticket_service_level set topic = ?, priority = ?, target_minutes = ?, due_at = ?, warning_at = ?,
              paused_minutes = ?, warned_at = ?, updated_at = ?
            where ticket_code = ? and kind = ? and met_at is null and due_at = ?""")
        .params(t.topic(), t.priority(), t.targetMinutes(), utc(t.dueAt()), utc(t.warningAt()), t.pausedMinutes(),
            utc(t.warnedAt()), utc(now), t.ticketCode(), t.kind().name(), utc(expectedDue))
        .update() == 1;
  }

  /** Records the target as met at {@code at}, once. */
  boolean meet(String code, ServiceLevelKind kind, Instant at) {
    forget(code);
    return jdbc.sql("""
            update ticket_service_level set met_at = ?, updated_at = ?
            where ticket_code = ? and kind = ? and met_at is null""")
        .params(utc(at), utc(at), code, kind.name()).update() == 1;
  }

  /** Opens a met target again (the requester was not satisfied), with its new schedule. */
  boolean reopen(ServiceLevelTarget t, Instant now) {
    forget(t.ticketCode());
    return jdbc.sql("""
            update ticket_service_level set met_at = null, due_at = ?, warning_at = ?, paused_minutes = ?,
              warned_at = ?, updated_at = ?
            where ticket_code = ? and kind = ? and met_at is not null""")
        .params(utc(t.dueAt()), utc(t.warningAt()), t.pausedMinutes(), utc(t.warnedAt()), utc(now),
            t.ticketCode(), t.kind().name())
        .update() == 1;
  }

  /** Records the 75 % warning of an open target, once. */
  boolean warn(String code, ServiceLevelKind kind, Instant at) {
    forget(code);
    return jdbc.sql("""
            update ticket_service_level set warned_at = ?, updated_at = ?
            where ticket_code = ? and kind = ? and met_at is null and warned_at is null and breached_at is null""")
        .params(utc(at), utc(at), code, kind.name()).update() == 1;
  }

  /** Records the breach of an open target, once. */
  boolean breach(String code, ServiceLevelKind kind, Instant at) {
    forget(code);
    return jdbc.sql("""
            update ticket_service_level set breached_at = ?, updated_at = ?
            where ticket_code = ? and kind = ? and met_at is null and breached_at is null""")
        .params(utc(at), utc(at), code, kind.name()).update() == 1;
  }

  /** Starts a wait on the requester unless one is already running; true if started. */
  boolean openPause(String code, Instant at) {
    forget(code);
    return jdbc.sql("""
            insert into ticket_service_level_pause (ticket_code, started_at)
            select ?, ? where not exists (
              select 1 from ticket_service_level_pause where ticket_code = ? and ended_at is null)""")
        .params(code, utc(at), code).update() == 1;
  }

  /** Ends the running wait, if any; true if one ended. */
  boolean closePause(String code, Instant at) {
    forget(code);
    return jdbc.sql("update ticket_service_level_pause set ended_at = ? where ticket_code = ? and ended_at is null")
        .params(utc(at), code).update() > 0;
  }

  /** Records a wait that is already over (the solution waited for the requester's verification). */
  void addPause(String code, Instant from, Instant to) {
    forget(code);
    jdbc.sql("insert into ticket_service_level_pause (ticket_code, started_at, ended_at) values (?, ?, ?)")
        .params(code, utc(from), utc(to)).update();
  }

  /** The ticket's waits in start order; the running one, if any, with a null end. */
  List<Pause> pauses(String code) {
    return TransactionCache.read(pausesKey(code), () -> jdbc.sql("select started_at, ended_at from ticket_service_level_pause where ticket_code = ? order by started_at, id")
        .param(code)
        .query((rs, n) -> new Pause(instant(rs, "started_at"), instant(rs, "ended_at")))
        .list());
  }

  /** The waits of the tickets {@code codes}, in one query, by ticket, each in start order. */
  Map<String, List<Pause>> pauses(Collection<String> codes) {
    if (codes.isEmpty()) return Map.of();
    Map<String, List<Pause>> pauses = new HashMap<>();
    jdbc.sql("select ticket_code, started_at, ended_at from ticket_service_level_pause where ticket_code in (:codes)"
            + " order by started_at, id").param("codes", codes)
        .query(rs -> {
          pauses.computeIfAbsent(rs.getString("ticket_code"), c -> new ArrayList<>())
              .add(new Pause(instant(rs, "started_at"), instant(rs, "ended_at")));
        });
    return pauses;
  }

  private static String targetKey(String code, ServiceLevelKind kind) {
    return "service-level:" + kind + ":" + code;
  }

  private static String pausesKey(String code) {
    return "service-level-pauses:" + code;
  }

  /** Any change of the ticket's rows: what this step read of them is stale. */
  private static void forget(String code) {
    TransactionCache.forget(code);
  }

  /** A wait on the requester; {@code end} is null while it lasts. */
  record Pause(Instant start, Instant end) {}

  private ServiceLevelTarget target(ResultSet rs, int row) throws SQLException {
    return new ServiceLevelTarget(rs.getString("ticket_code"), ServiceLevelKind.valueOf(rs.getString("kind")),
        rs.getString("topic"), rs.getString("priority"), rs.getInt("target_minutes"), instant(rs, "started_at"),
        instant(rs, "due_at"), instant(rs, "warning_at"), rs.getInt("paused_minutes"), instant(rs, "warned_at"),
        instant(rs, "met_at"), instant(rs, "breached_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
