package co.edu.idep.mesa.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table ticket_document (db/migration/V9__ticket_documents.sql). */
@Repository
public class TicketDocumentRepository {

  private final JdbcClient jdbc;

  public TicketDocumentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the content of the document if it exists; false if there is none by that name. */
  public boolean replace(TicketDocument d) {
    return jdbc.sql("""
            update ticket_document set content_type = ?, content = ?, size_bytes = ?, created_at = ?, created_by = ?
            where ticket_code = ? and name = ?""")
        .params(d.contentType(), d.content(), d.content().length, d.createdAt(), d.createdBy(), d.ticketCode(),
            d.name())
        .update() > 0;
  }

  public void insert(TicketDocument d) {
    jdbc.sql("""
            insert into ticket_document (ticket_code, name, content_type, content, size_bytes, created_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(d.ticketCode(), d.name(), d.contentType(), d.content(), d.content().length, d.createdAt(),
            d.createdBy())
        .update();
  }

  public Optional<TicketDocument> find(String ticketCode, String name) {
    return jdbc.sql("""
            select content_type, content, created_at, created_by from ticket_document
            where ticket_code = ? and name = ?""")
        .params(ticketCode, name)
        .query((rs, n) -> new TicketDocument(ticketCode, name, rs.getString("content_type"), rs.getBytes("content"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")))
        .optional();
  }

  public List<DocumentInfo> list(String ticketCode) {
    // The content stays in the database: a listing reads only its size.
    return jdbc.sql("""
            select name, content_type, size_bytes, created_at, created_by from ticket_document
            where ticket_code = ? order by name""")
        .param(ticketCode)
        .query((rs, n) -> new DocumentInfo(rs.getString("name"), rs.getString("content_type"),
            rs.getInt("size_bytes"), rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by")))
        .list();
  }
}
