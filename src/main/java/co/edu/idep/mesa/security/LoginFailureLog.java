package co.edu.idep.mesa.security;

import co.edu.idep.mesa.security.LoginThrottle.RepeatedFailures;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Repeated failed logins against one account (db/migration V4), for the audit trail. Written by
 * {@link LoginThrottleFilter} after the request, outside any transaction: one autocommitted insert.
 */
@Repository
public class LoginFailureLog {

  static final int MAX_ADDRESSES_LENGTH = 1000;

  /** One record: how many failures the account had by then, and from which addresses (with counts). */
  public record Entry(OffsetDateTime recordedAt, String account, int failures, String addresses) {}

  private final JdbcClient jdbc;

  public LoginFailureLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(RepeatedFailures repeated) {
    jdbc.sql("insert into login_failure (recorded_at, account, failures, addresses) values (?, ?, ?, ?)")
        .params(OffsetDateTime.ofInstant(repeated.at(), ZoneOffset.UTC), repeated.account(), repeated.failures(),
            addresses(repeated.addresses()))
        .update();
  }

  /** The records in [start, end), oldest first. */
  public List<Entry> between(OffsetDateTime start, OffsetDateTime end) {
    return jdbc.sql("""
            select recorded_at, account, failures, addresses from login_failure
            where recorded_at >= ? and recorded_at < ? order by recorded_at""")
        .params(start, end)
        .query((rs, n) -> new Entry(rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("account"),
            rs.getInt("failures"), rs.getString("addresses")))
        .list();
  }

  /** "10.0.0.7 (48), 10.0.0.9 (2)": the most frequent first. */
  static String addresses(Map<String, Integer> byAddress) {
    String text = byAddress.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(e -> e.getKey() + " (" + e.getValue() + ")")
        .collect(Collectors.joining(", "));
    return text.length() <= MAX_ADDRESSES_LENGTH ? text : text.substring(0, MAX_ADDRESSES_LENGTH - 1) + "…";
  }
}
