package co.edu.idep.mesa.escalation.provider;

import static co.edu.idep.mesa.escalation.provider.ProviderRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code support_contract} (db/migration V10). */
@Repository
public class SupportContractRepository {

  private final JdbcClient jdbc;

  public SupportContractRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<SupportContract> findByNumber(String number) {
    return jdbc.sql("select * from support_contract where number = ?").param(number)
        .query(SupportContractRepository::contract).optional();
  }

  /** A provider's contracts, oldest first (by start, then as registered). */
  public List<SupportContract> ofProvider(long providerId) {
    return jdbc.sql("select * from support_contract where provider_id = ? order by starts_on, id").param(providerId)
        .query(SupportContractRepository::contract).list();
  }

  /** Every contract, by provider and then oldest first: the whole list in one query. */
  public List<SupportContract> all() {
    return jdbc.sql("select * from support_contract order by provider_id, starts_on, id")
        .query(SupportContractRepository::contract).list();
  }

  /** Stores a new contract ({@code id} is ignored) and answers the id the database gave it. */
  public long insert(SupportContract c, Instant now) {
    jdbc.sql("""
            insert into support_contract (provider_id, number, starts_on, ends_on, response_hours, resolution_hours,
              updated_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(c.providerId(), c.number(), c.startsOn(), c.endsOn(), c.responseHours(), c.resolutionHours(), utc(now))
        .update();
    return jdbc.sql("select id from support_contract where number = ?").param(c.number()).query(Long.class).single();
  }

  /** Writes the dates and hours; the provider and the number never change. False if there is no such contract. */
  public boolean update(SupportContract c, Instant now) {
    return jdbc.sql("""
            update support_contract set starts_on = ?, ends_on = ?, response_hours = ?, resolution_hours = ?,
              updated_at = ? where id = ?""")
        .params(c.startsOn(), c.endsOn(), c.responseHours(), c.resolutionHours(), utc(now), c.id())
        .update() == 1;
  }

  static SupportContract contract(ResultSet rs, int row) throws SQLException {
    return new SupportContract(rs.getLong("id"), rs.getLong("provider_id"), rs.getString("number"),
        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
        rs.getInt("response_hours"), rs.getInt("resolution_hours"));
  }
}
