package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.ticket.Topic;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code provider} (db/migration V10). */
@Repository
public class ProviderRepository {

  private static final Logger log = LoggerFactory.getLogger(ProviderRepository.class);

  private final JdbcClient jdbc;

  public ProviderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Provider> find(long id) {
    return jdbc.sql("select * from provider where id = ?").param(id).query(ProviderRepository::provider).optional();
  }

  public Optional<Provider> findByCode(String code) {
    return jdbc.sql("select * from provider where code = ?").param(code).query(ProviderRepository::provider)
        .optional();
  }

  /** The same, the row locked until the caller's transaction ends: two updates of one provider queue. */
  public Optional<Provider> lockByCode(String code) {
    return jdbc.sql("select * from provider where code = ? for update").param(code)
        .query(ProviderRepository::provider).optional();
  }

  /** Every provider, in code order. */
  public List<Provider> all() {
    return jdbc.sql("select * from provider order by code").query(ProviderRepository::provider).list();
  }

  /** The active providers, oldest first (lowest id). */
  public List<Provider> active() {
    return jdbc.sql("select * from provider where active = ? order by id").param(true)
        .query(ProviderRepository::provider).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from provider").query(Long.class).single();
  }

  /** Stores a new provider ({@code id} is ignored) and answers the id the database gave it. */
  public long insert(Provider p) {
    jdbc.sql("""
            insert into provider (code, name, kind, contact_email, services, topics, channel, active, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(p.code(), p.name(), p.kind().name(), p.contactEmail(), p.services(), topics(p.topics()),
            p.channel().name(), p.active(), utc(p.updatedAt()))
        .update();
    // Read back by its unique code: the same on H2 and PostgreSQL, without driver-specific generated keys.
    return jdbc.sql("select id from provider where code = ?").param(p.code()).query(Long.class).single();
  }

  /** Writes everything but the id and the code; false if there is no such provider. */
  public boolean update(Provider p) {
    return jdbc.sql("""
            update provider set name = ?, kind = ?, contact_email = ?, services = ?, topics = ?, channel = ?,
              active = ?, updated_at = ? where id = ?""")
        .params(p.name(), p.kind().name(), p.contactEmail(), p.services(), topics(p.topics()), p.channel().name(),
            p.active(), utc(p.updatedAt()), p.id())
        .update() == 1;
  }

  /** The column's form of the topics: codes in the enum's order, comma-separated. */
  static String topics(Set<Topic> topics) {
    return topics.stream().sorted().map(Topic::name).collect(Collectors.joining(","));
  }

  static Set<Topic> topics(String column) {
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    for (String code : column.split(",")) {
      if (code.isBlank()) continue;
      Optional<Topic> topic = Topic.fromCode(code.strip());
      // A topic renamed or removed since: the provider still reads, without it.
      topic.ifPresentOrElse(topics::add, () -> log.warn("Provider topic {} is no help topic: ignored", code.strip()));
    }
    return topics;
  }

  static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static Provider provider(ResultSet rs, int row) throws SQLException {
    return new Provider(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
        ProviderKind.valueOf(rs.getString("kind")), rs.getString("contact_email"), rs.getString("services"),
        topics(rs.getString("topics")), ProviderChannel.valueOf(rs.getString("channel")), rs.getBoolean("active"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
