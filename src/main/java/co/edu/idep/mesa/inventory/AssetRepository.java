package co.edu.idep.mesa.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
  private final JdbcTemplate template;

  public AssetRepository(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
    this.template = template;
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

  /**
   * Which of these assets a loan has reserved and not handed over yet: they keep their kind and are
   * not retired while the reservation stands (the table is the loans'; they lock the asset rows first).
   */
  public java.util.Set<String> reserved(Collection<String> tags) {
    if (tags.isEmpty()) return java.util.Set.of();
    return new java.util.HashSet<>(jdbc.sql("""
            select distinct asset_tag from loan_asset where asset_tag in (:tags) and state = 'RESERVADO'""")
        .param("tags", tags).query(String.class).list());
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

  /**
   * At most {@code limit} assets in tag order, of one kind and one state if given, whose tag,
   * description, brand and model, serial or location contains {@code text} in any case.
   */
  public List<Asset> search(AssetKind kind, AssetState state, String text, int limit) {
    StringBuilder sql = new StringBuilder("select * from asset where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (kind != null) {
      sql.append(" and kind = ?");
      params.add(kind.name());
    }
    if (state != null) {
      sql.append(" and state = ?");
      params.add(state.name());
    }
    if (text != null && !text.isBlank()) {
      // The typed % and _ are plain characters, not wildcards. Both sides are lowered by the
      // database, so that they agree whatever its locale does with accented capitals.
      String like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      sql.append(" and (");
      String[] columns = {"tag", "description", "brand_model", "serial_number", "location"};
      for (int i = 0; i < columns.length; i++) {
        sql.append(i == 0 ? "" : " or ").append("lower(").append(columns[i]).append(") like lower(?) escape '\\'");
        params.add(like);
      }
      sql.append(")");
    }
    sql.append(" order by tag fetch first ? rows only");
    params.add(limit);
    return jdbc.sql(sql.toString()).params(params).query(AssetRepository::asset).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from asset").query(Long.class).single();
  }

  /** Writes everything but the tag; false if no asset has that tag. */
  public boolean update(Asset asset) {
    return jdbc.sql("""
            update asset set kind = ?, description = ?, brand_model = ?, serial_number = ?, location = ?,
              state = ?, updated_at = ? where tag = ?""")
        .params(asset.kind().name(), asset.description(), asset.brandModel(), asset.serialNumber(),
            asset.location(), asset.state().name(), utc(asset.updatedAt()), asset.tag())
        .update() == 1;
  }

  /** Many new assets in one round of batched statements (a CSV import of thousands of rows). */
  public void insertAll(List<Asset> assets) {
    if (assets.isEmpty()) return;
    template.batchUpdate("""
            insert into asset (tag, kind, description, brand_model, serial_number, location, state, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""",
        assets.stream().map(a -> new Object[] {a.tag(), a.kind().name(), a.description(), a.brandModel(),
            a.serialNumber(), a.location(), a.state().name(), utc(a.updatedAt())}).toList());
  }

  /** {@link #update} for many assets, batched. */
  public void updateAll(List<Asset> assets) {
    if (assets.isEmpty()) return;
    template.batchUpdate("""
            update asset set kind = ?, description = ?, brand_model = ?, serial_number = ?, location = ?,
              state = ?, updated_at = ? where tag = ?""",
        assets.stream().map(a -> new Object[] {a.kind().name(), a.description(), a.brandModel(), a.serialNumber(),
            a.location(), a.state().name(), utc(a.updatedAt()), a.tag()}).toList());
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
