package co.edu.idep.mesa.report;

import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Topic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
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
        hours.getCount() == 0 ? null : hours.getAverage());
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
