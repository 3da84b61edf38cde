package co.edu.idep.mesa.loans;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What "Alistar los equipos" offers: the assets of the loan's kind that can be lent (not in
 * maintenance, not written off) and that no other loan holds for overlapping days, nor holds past its
 * due date; an asset out now may be reserved for later days. Those this loan holds are offered too. The reservation checks again under lock: the offer may be stale by then.
 */
@Component
public class AssetOffer {

  /** One option of the form's checklist, as form-js reads it from the variable. */
  public record Option(String value, String label) {}

  private final JdbcClient jdbc;

  public AssetOffer(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  public List<Option> options(LoanTerms terms, LocalDate today) {
    return jdbc.sql("""
            select a.tag, a.description, a.brand_model, a.serial_number from asset a
            where a.kind = :kind and a.state in ('DISPONIBLE', 'PRESTADO')
              and not exists (
                select 1 from loan_asset la join loan l on l.id = la.loan_id
                where la.asset_tag = a.tag and l.ticket_code <> :code and la.state in ('RESERVADO', 'PRESTADO')
                  and ((l.start_date <= :end and l.end_date >= :start) or (la.state = 'PRESTADO' and l.end_date < :today)))
            order by a.tag""")
        .param("kind", terms.kind().name()).param("code", terms.ticketCode())
        .param("start", terms.start()).param("end", terms.end()).param("today", today)
        .query((rs, n) -> new Option(rs.getString("tag"), label(rs.getString("tag"), rs.getString("description"),
            rs.getString("brand_model"), rs.getString("serial_number"))))
        .list();
  }

  static String label(String tag, String description, String brandModel, String serial) {
    return tag + " — " + description + (brandModel == null ? "" : ", " + brandModel)
        + (serial == null ? "" : " (serial " + serial + ")");
  }
}
