package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.inventory.AssetKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code loan} and {@code loan_asset} (db/migration V8), on the caller's transaction. */
@Repository
public class LoanRepository {

  private final JdbcClient jdbc;

  public LoanRepository(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  public Optional<Loan> find(String ticketCode) {
    return jdbc.sql("select * from loan where ticket_code = ?").param(ticketCode).query(this::loanRow).optional()
        .map(row -> withAssets(List.of(row)).get(0));
  }

  /** The loan's id, its row locked until the transaction ends: one change of a loan at a time. */
  public Optional<Long> lock(String ticketCode) {
    return jdbc.sql("select id from loan where ticket_code = ? for update").param(ticketCode)
        .query(Long.class).optional();
  }

  public long insert(LoanTerms terms, Instant now) {
    jdbc.sql("""
            insert into loan (ticket_code, requester, kind, start_date, end_date, use_place, leaves_institute, state,
              created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(terms.ticketCode(), terms.requester(), terms.kind().name(), terms.start(), terms.end(),
            terms.usePlace(), terms.leavesInstitute(), LoanState.RESERVADO.name(), utc(now), utc(now))
        .update();
    return lock(terms.ticketCode()).orElseThrow();
  }

  public void updateTerms(long id, LoanTerms terms, Instant now) {
    jdbc.sql("""
            update loan set kind = ?, start_date = ?, end_date = ?, use_place = ?, leaves_institute = ?, updated_at = ?
            where id = ?""")
        .params(terms.kind().name(), terms.start(), terms.end(), terms.usePlace(), terms.leavesInstitute(), utc(now), id)
        .update();
  }

  /**
   * Which of these assets another loan holds for days that overlap {@code start..end}, or holds still
   * after its due date (an overdue asset is out until it comes back).
   */
  public List<String> heldElsewhere(long loanId, Collection<String> tags, LocalDate start, LocalDate end,
      LocalDate today) {
    if (tags.isEmpty()) return List.of();
    return jdbc.sql("""
            select distinct la.asset_tag from loan_asset la join loan l on l.id = la.loan_id
            where la.asset_tag in (:tags) and la.loan_id <> :loan and la.state in ('RESERVADO', 'PRESTADO')
              and ((l.start_date <= :end and l.end_date >= :start) or (la.state = 'PRESTADO' and l.end_date < :today))
            order by la.asset_tag""")
        .param("tags", tags).param("loan", loanId).param("start", start).param("end", end).param("today", today)
        .query(String.class).list();
  }

  /** Puts the assets on the loan as reserved; one that was let go earlier comes back on its old row. */
  public void reserve(long loanId, Collection<String> tags) {
    for (String tag : tags) {
      int updated = jdbc.sql("""
              update loan_asset set state = 'RESERVADO', return_condition = null, return_note = null, returned_at = null
              where loan_id = ? and asset_tag = ?""").params(loanId, tag).update();
      if (updated == 0) {
        jdbc.sql("insert into loan_asset (loan_id, asset_tag, state) values (?, ?, 'RESERVADO')")
            .params(loanId, tag).update();
      }
    }
  }

  public void changeAssets(long loanId, Collection<String> tags, LoanAssetState from, LoanAssetState to) {
    if (tags.isEmpty()) return;
    jdbc.sql("update loan_asset set state = :to where loan_id = :loan and asset_tag in (:tags) and state = :from")
        .param("to", to.name()).param("loan", loanId).param("tags", tags).param("from", from.name()).update();
  }

  public void handOver(long loanId, String receivedBy, String by, Instant now) {
    jdbc.sql("""
            update loan set state = 'ACTIVO', received_by = ?, handed_over_by = ?,
              handed_over_at = coalesce(handed_over_at, ?), returned_at = null, updated_at = ?
            where id = ?""")
        .params(receivedBy, by, utc(now), utc(now), loanId).update();
  }

  public void returned(long loanId, String tag, ReturnCondition condition, String note, Instant now) {
    jdbc.sql("""
            update loan_asset set state = 'DEVUELTO', return_condition = ?, return_note = ?, returned_at = ?
            where loan_id = ? and asset_tag = ? and state = 'PRESTADO'""")
        .params(condition.name(), note, utc(now), loanId, tag).update();
  }

  public void close(long loanId, Instant now) {
    jdbc.sql("update loan set state = 'DEVUELTO', returned_at = ?, updated_at = ? where id = ?")
        .params(utc(now), utc(now), loanId).update();
  }

  /**
   * Loans in {@code state}, due first; {@code dueBefore} keeps those due before that day (overdue),
   * {@code requester} those of one person. Assets come in one more query for the whole page.
   */
  public List<Loan> list(LoanState state, LocalDate dueBefore, String requester, int limit) {
    StringBuilder sql = new StringBuilder("select * from loan where state = :state");
    if (dueBefore != null) sql.append(" and end_date < :dueBefore");
    if (requester != null) sql.append(" and requester = :requester");
    sql.append(state == LoanState.DEVUELTO ? " order by returned_at desc, id desc" : " order by end_date, id");
    sql.append(" fetch first :limit rows only");
    JdbcClient.StatementSpec query = jdbc.sql(sql.toString()).param("state", state.name()).param("limit", limit);
    if (dueBefore != null) query = query.param("dueBefore", dueBefore);
    if (requester != null) query = query.param("requester", requester);
    return withAssets(query.query(this::loanRow).list());
  }

  private List<Loan> withAssets(List<Loan> loans) {
    if (loans.isEmpty()) return loans;
    Map<Long, List<LoanAsset>> assets = new LinkedHashMap<>();
    loans.forEach(l -> assets.put(l.id(), new ArrayList<>()));
    jdbc.sql("""
            select la.*, a.description, a.brand_model, a.serial_number from loan_asset la
            join asset a on a.tag = la.asset_tag where la.loan_id in (:ids) order by la.asset_tag""")
        .param("ids", assets.keySet())
        .query((rs, n) -> {
          assets.get(rs.getLong("loan_id")).add(assetRow(rs));
          return null;
        }).list();
    return loans.stream().map(l -> new Loan(l.id(), l.terms(), l.state(), l.receivedBy(), l.handedOverBy(),
        l.handedOverAt(), l.returnedAt(), List.copyOf(assets.get(l.id())))).toList();
  }

  private Loan loanRow(ResultSet rs, int row) throws SQLException {
    LoanTerms terms = new LoanTerms(rs.getString("ticket_code"), rs.getString("requester"),
        AssetKind.valueOf(rs.getString("kind")), rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class), rs.getString("use_place"), rs.getBoolean("leaves_institute"));
    return new Loan(rs.getLong("id"), terms, LoanState.valueOf(rs.getString("state")), rs.getString("received_by"),
        rs.getString("handed_over_by"), instant(rs.getTimestamp("handed_over_at")),
        instant(rs.getTimestamp("returned_at")), List.of());
  }

  private static LoanAsset assetRow(ResultSet rs) throws SQLException {
    String condition = rs.getString("return_condition");
    return new LoanAsset(rs.getString("asset_tag"), rs.getString("description"), rs.getString("brand_model"),
        rs.getString("serial_number"), LoanAssetState.valueOf(rs.getString("state")),
        condition == null ? null : ReturnCondition.valueOf(condition), rs.getString("return_note"),
        instant(rs.getTimestamp("returned_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}
