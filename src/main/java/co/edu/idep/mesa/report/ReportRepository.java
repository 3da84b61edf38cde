package co.edu.idep.mesa.report;

import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.field.Priority;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quarterly reports (db/migration V2) and the ticket figures they are computed from. */
@Repository
public class ReportRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public ReportRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The figures of the tickets in [start, end): read from the ticket record, never from Camunda. */
  public ReportFigures figures(OffsetDateTime start, OffsetDateTime end) {
    Map<String, Long> byTopic = new LinkedHashMap<>();
    for (Topic topic : Topic.values()) byTopic.put(topic.name(), 0L);
    jdbc.sql("select topic, count(*) as n from ticket where created_at >= ? and created_at < ? group by topic")
        .params(start, end)
        .query((rs, n) -> Map.entry(rs.getString("topic"), rs.getLong("n")))
        .list().forEach(e -> byTopic.merge(e.getKey(), e.getValue(), Long::sum));
    long opened = byTopic.values().stream().mapToLong(Long::longValue).sum();

    record Closed(OffsetDateTime createdAt, OffsetDateTime closedAt, Integer score) {}
    List<Closed> closed = jdbc.sql("""
            select created_at, closed_at, satisfaction_score from ticket
            where closed_at >= ? and closed_at < ?""")
        .params(start, end)
        .query((rs, n) -> new Closed(rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("closed_at", OffsetDateTime.class), (Integer) rs.getObject("satisfaction_score")))
        .list();
    long openAtEnd = jdbc.sql("""
            select count(*) from ticket
            where created_at < ? and (closed_at is null or closed_at >= ?)""")
        .params(end, end).query(Long.class).single();
    long escalated = jdbc.sql("""
            select count(distinct ticket_code) from ticket_note
            where kind = ? and created_at >= ? and created_at < ?""")
        .params(NoteKind.ESCALAMIENTO.name(), start, end).query(Long.class).single();

    var scores = closed.stream().filter(c -> c.score() != null).mapToInt(Closed::score).summaryStatistics();
    var hours = closed.stream()
        .mapToDouble(c -> Duration.between(c.createdAt(), c.closedAt()).toMinutes() / 60.0)
        .summaryStatistics();
    return new ReportFigures(opened, byTopic, closed.size(), openAtEnd, escalated,
        scores.getCount(), scores.getCount() == 0 ? null : scores.getAverage(),
        hours.getCount() == 0 ? null : hours.getAverage(), compliance(start, end));
  }

  /** Met in time and no breach recorded: the rule of ServiceLevelTarget.isMet(). */
  private static final String MET =
      "(met_at is not null and met_at <= due_at and breached_at is null)";

  /**
   * Service-level compliance by topic and priority (db/migration V6): the targets settled in
   * [start, end) — met then, or due then and missed — and how many of them were met. A target whose
   * due time passed unmet counts as missed unless the ticket has been waiting on its requester since
   * before it was due (its clock stopped in time).
   */
  private List<ReportFigures.Compliance> compliance(OffsetDateTime start, OffsetDateTime end) {
    record Count(String topic, String priority, String kind, long measured, long met) {}
    List<Count> counts = jdbc.sql("""
            select topic, priority, kind, count(*) as measured, sum(case when %1$s then 1 else 0 end) as met
            from ticket_service_level s
            where ((met_at >= ? and met_at < ?) or (due_at >= ? and due_at < ?))
              and case when %1$s then met_at else due_at end >= ?
              and case when %1$s then met_at else due_at end < ?
              and (met_at is not null or breached_at is not null
                or (due_at <= current_timestamp and not exists (
                  select 1 from ticket_service_level_pause p
                  where p.ticket_code = s.ticket_code and p.ended_at is null and p.started_at < s.due_at)))
            group by topic, priority, kind""".formatted(MET))
        .params(start, end, start, end, start, end)
        .query((rs, n) -> new Count(rs.getString("topic"), rs.getString("priority"), rs.getString("kind"),
            rs.getLong("measured"), rs.getLong("met")))
        .list();
    // In the order of the topics and priorities; a code they no longer know (an edited table) last.
    Comparator<Count> order = Comparator.<Count>comparingInt(c -> rank(Topic.values(), c.topic()))
        .thenComparingInt(c -> rank(Priority.values(), c.priority()))
        .thenComparing(Count::topic).thenComparing(Count::priority);
    Map<List<String>, long[]> byTopicAndPriority = new LinkedHashMap<>();
    counts.stream().sorted(order).forEach(c -> {
      long[] figures = byTopicAndPriority.computeIfAbsent(List.of(c.topic(), c.priority()), k -> new long[4]);
      int at = "FIRST_ATTENTION".equals(c.kind()) ? 0 : 2;
      figures[at] += c.measured();
      figures[at + 1] += c.met();
    });
    List<ReportFigures.Compliance> rows = new ArrayList<>();
    byTopicAndPriority.forEach((key, f) ->
        rows.add(new ReportFigures.Compliance(key.get(0), key.get(1), f[0], f[1], f[2], f[3])));
    return rows;
  }

  private static int rank(Enum<?>[] values, String code) {
    for (Enum<?> value : values) {
      if (value.name().equals(code)) return value.ordinal();
    }
    return values.length;
  }

  public long insert(ReportPeriod period, String processInstanceId, ReportFigures figures,
      OffsetDateTime generatedAt, String requestedBy, String correctionNote) {
    int version = jdbc.sql("""
            select coalesce(max(version), 0) + 1 from quarterly_report
            where report_year = ? and report_quarter = ?""")
        .params(period.year(), period.quarter()).query(Integer.class).single();
    jdbc.sql("""
            insert into quarterly_report (report_key, report_year, report_quarter, version,
              process_instance_id, state, figures, generated_at, requested_by, correction_note)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(period.key(), period.year(), period.quarter(), version, processInstanceId,
            ReportState.GENERADO.name(), write(figures), generatedAt, requestedBy, correctionNote)
        .update();
    return jdbc.sql("select id from quarterly_report where report_year = ? and report_quarter = ? and version = ?")
        .params(period.year(), period.quarter(), version).query(Long.class).single();
  }

  /** The version of this process instance that still waits for the Jefe OAP, if any. */
  public Optional<QuarterlyReport> pendingOf(String processInstanceId) {
    return jdbc.sql("select * from quarterly_report where process_instance_id = ? and state = ?")
        .params(processInstanceId, ReportState.GENERADO.name())
        .query(this::report).optional();
  }

  /** Records the decision once: a version that was already decided is not changed. */
  public boolean decide(long id, ReportState state, String decidedBy, OffsetDateTime decidedAt,
      String observations) {
    return jdbc.sql("""
            update quarterly_report set state = ?, decided_by = ?, decided_at = ?, observations = ?
            where id = ? and state = ?""")
        .params(state.name(), decidedBy, decidedAt, observations, id, ReportState.GENERADO.name())
        .update() == 1;
  }

  public Optional<QuarterlyReport> findById(long id) {
    return jdbc.sql("select * from quarterly_report where id = ?").param(id).query(this::report).optional();
  }

  public List<QuarterlyReport> findAll() {
    return jdbc.sql("select * from quarterly_report order by report_year desc, report_quarter desc, version desc")
        .query(this::report).list();
  }

  public List<QuarterlyReport> generatedOrDecidedBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("""
            select * from quarterly_report
            where (generated_at >= ? and generated_at < ?) or (decided_at >= ? and decided_at < ?)
            order by id""")
        .params(from, to, from, to).query(this::report).list();
  }

  public List<QuarterlyReport> findByKey(String key) {
    return jdbc.sql("select * from quarterly_report where report_key = ? order by version")
        .param(key).query(this::report).list();
  }

  private QuarterlyReport report(ResultSet rs, int row) throws SQLException {
    return new QuarterlyReport(rs.getLong("id"), rs.getString("report_key"), rs.getInt("report_year"),
        rs.getInt("report_quarter"), rs.getInt("version"), rs.getString("process_instance_id"),
        ReportState.valueOf(rs.getString("state")), read(rs.getString("figures")),
        rs.getObject("generated_at", OffsetDateTime.class), rs.getString("requested_by"),
        rs.getString("correction_note"), rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class), rs.getString("observations"));
  }

  private String write(ReportFigures figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report figures", e);
    }
  }

  private ReportFigures read(String text) {
    try {
      return json.readValue(text, ReportFigures.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report figures", e);
    }
  }
}
