package co.edu.idep.mesa.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code asset} (db/migration V8). */
@Repository
public class AssetRepository {

  private final JdbcClient jdbc;

  public AssetRepository(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  public Optional<Asset> find(String tag) {
    return jdbc.sql("select * from asset where tag = ?").param(tag).query(AssetRepository::asset).optional();
  }

  /** The assets with these tags, in tag order; unknown tags are simply missing. */
  public List<Asset> findAll(Collection<String> tags) {
    if (tags.isEmpty()) return List.of();
    return jdbc.sql("select * from asset where tag in (:tags) order by tag").param("tags", tags)
        .query(AssetRepository::asset).list();
  }

  /**
   * The same, each row locked until the caller's transaction ends. Locks are taken in tag order, so
   * two transactions that want overlapping sets queue instead of deadlocking; on PostgreSQL this
   * holds across application nodes.
   */
  public List<Asset> lockAll(Collection<String> tags) {
    if (tags.isEmpty()) return List.of();
    return jdbc.sql("select * from asset where tag in (:tags) order by tag for update").param("tags", tags)
        .query(AssetRepository::asset).list();
  }

  public void changeState(Collection<String> tags, AssetState state, Instant at) {
    if (tags.isEmpty()) return;
    jdbc.sql("update asset set state = :state, updated_at = :at where tag in (:tags)")
        .param("state", state.name()).param("at", utc(at)).param("tags", tags).update();
  }

  public void insert(Asset asset) {
    jdbc.sql("""
            insert into asset (tag, kind, description, brand_model, serial_number, location, state, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(asset.tag(), asset.kind().name(), asset.description(), asset.brandModel(), asset.serialNumber(),
            asset.location(), asset.state().name(), utc(asset.updatedAt()))
        .update();
  }

  static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static Asset asset(ResultSet rs, int row) throws SQLException {
    Timestamp updated = rs.getTimestamp("updated_at");
    return new Asset(rs.getString("tag"), AssetKind.valueOf(rs.getString("kind")), rs.getString("description"),
        rs.getString("brand_model"), rs.getString("serial_number"), rs.getString("location"),
        AssetState.valueOf(rs.getString("state")), updated.toInstant());
  }
}
