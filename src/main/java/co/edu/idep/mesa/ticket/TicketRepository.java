package co.edu.idep.mesa.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import co.edu.idep.mesa.transaction.TransactionCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The domain tables of the ticket record (created by Flyway, see db/migration). */
@Repository
public class TicketRepository {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public TicketRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  public void insert(Ticket t) {
    jdbc.sql("""
            insert into ticket (code, process_instance_id, topic, subject, description, details,
              requester, state, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(t.code(), t.processInstanceId(), t.topic().name(), t.subject(), t.description(),
            write(t.details()), t.requester(), t.state().name(), t.createdAt(), t.updatedAt())
        .update();
    // The notices of the registration read the ticket back in the same step.
    TransactionCache.put(key(t.code()), Optional.of(t));
  }

  public void updateState(String code, TicketState state, OffsetDateTime now) {
    TransactionCache.forget(code);
    jdbc.sql("update ticket set state = ?, updated_at = ? where code = ?")
        .params(state.name(), now, code).update();
  }

  public void updateAssignment(String code, String group, String priority, OffsetDateTime now) {
    jdbc.sql("update ticket set assigned_group = ?, priority = ?, state = ?, updated_at = ? where code = ?")
        .params(group, priority, TicketState.ASIGNADO.name(), now, code).update();
    TransactionCache.<Optional<Ticket>>known(key(code)).flatMap(known -> known).ifPresentOrElse(
        t -> TransactionCache.put(key(code), Optional.of(t.assigned(group, priority, now))),
        () -> TransactionCache.forget(code));
  }

  public void updatePriority(String code, String priority, OffsetDateTime now) {
    TransactionCache.forget(code);
    jdbc.sql("update ticket set priority = ?, updated_at = ? where code = ?").params(priority, now, code).update();
  }

  public void updateTopic(String code, Topic topic, OffsetDateTime now) {
    TransactionCache.forget(code);
    jdbc.sql("update ticket set topic = ?, updated_at = ? where code = ?")
        .params(topic.name(), now, code).update();
  }

  /** Merges {@code changes} into the topic's own fields. */
  public void updateDetails(String code, Map<String, Object> changes, OffsetDateTime now) {
    Ticket ticket = findByCode(code).orElseThrow();
    Map<String, Object> details = new LinkedHashMap<>(ticket.details());
    details.putAll(changes);
    replaceDetails(code, details, now);
  }

  public void recordSatisfaction(String code, int score, OffsetDateTime now) {
    TransactionCache.forget(code);
    jdbc.sql("update ticket set satisfaction_score = ?, updated_at = ? where code = ?")
        .params(score, now, code).update();
  }

  public void close(String code, OffsetDateTime now) {
    close(code, TicketState.CERRADO, now);
  }

  public void close(String code, TicketState closed, OffsetDateTime now) {
    TransactionCache.forget(code);
    jdbc.sql("update ticket set state = ?, closed_at = ?, updated_at = ? where code = ?")
        .params(closed.name(), now, now, code).update();
  }

  public void addNote(String code, TicketNote note) {
    jdbc.sql("insert into ticket_note (ticket_code, created_at, author, kind, body) values (?, ?, ?, ?, ?)")
        .params(code, note.createdAt(), note.author(), note.kind().name(), note.body())
        .update();
  }

  public Optional<Ticket> findByCode(String code) {
    return TransactionCache.read(key(code),
        () -> jdbc.sql("select * from ticket where code = ?").param(code).query(this::ticket).optional());
  }

  public List<Ticket> findByRequester(String requester) {
    return jdbc.sql("select * from ticket where requester = ? order by created_at desc, code desc")
        .param(requester).query(this::ticket).list();
  }

  public List<TicketNote> notes(String code) {
    return jdbc.sql("select * from ticket_note where ticket_code = ? order by id")
        .param(code)
        .query((rs, n) -> note(rs))
        .list();
  }

  /** A timeline note with the ticket it belongs to. */
  public record CodedNote(String ticketCode, TicketNote note) {}

  public List<CodedNote> notesBetween(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.sql("select * from ticket_note where created_at >= ? and created_at < ? order by id")
        .params(from, to)
        .query((rs, n) -> new CodedNote(rs.getString("ticket_code"), note(rs)))
        .list();
  }

  /** Replaces the timeline text of a ticket, keeping every note (habeas data). */
  public void rewriteNoteBodies(String code, UnaryOperator<String> rewrite) {
    jdbc.sql("select id, body from ticket_note where ticket_code = ?").param(code)
        .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("body"))).list()
        .forEach(e -> {
          String body = rewrite.apply(e.getValue());
          if (!body.equals(e.getValue())) {
            jdbc.sql("update ticket_note set body = ? where id = ?").params(body, e.getKey()).update();
          }
        });
  }

  /** Replaces the topic's own fields (habeas data). */
  public void replaceDetails(String code, Map<String, Object> details, OffsetDateTime now) {
    TransactionCache.forget(code);
    jdbc.sql("update ticket set details = ?, updated_at = ? where code = ?")
        .params(write(details), now, code).update();
  }

  private static TicketNote note(ResultSet rs) throws SQLException {
    return new TicketNote(rs.getObject("created_at", OffsetDateTime.class), rs.getString("author"),
        NoteKind.valueOf(rs.getString("kind")), rs.getString("body"));
  }

  private Ticket ticket(ResultSet rs, int row) throws SQLException {
    return new Ticket(rs.getString("code"), rs.getString("process_instance_id"),
        Topic.valueOf(rs.getString("topic")), rs.getString("subject"), rs.getString("description"),
        read(rs.getString("details")), rs.getString("requester"), rs.getString("assigned_group"),
        rs.getString("priority"), TicketState.valueOf(rs.getString("state")),
        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class), rs.getObject("satisfaction_score", Integer.class));
  }

  private String write(Map<String, Object> details) {
    try {
      return json.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Ticket details cannot be written as JSON", e);
    }
  }

  private Map<String, Object> read(String details) {
    try {
      return json.readValue(details, MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Ticket details are not valid JSON", e);
    }
  }

  private static String key(String code) {
    return "ticket:" + code;
  }
}
