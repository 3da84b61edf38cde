package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.validation.InvalidInputException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory of lendable equipment as the help-desk staff keep it: search, add, correct, and
 * CSV import and export. Each change locks the asset rows it reads (AssetRepository.lockAll, the
 * lock the loans take too), so a loan that lends or returns an asset meanwhile is never
 * overwritten. The audit trail has no place for it (it reads Camunda's operation log and the
 * ticket, report and login records), so each change is logged with who made it.
 */
@Service
public class Inventory {

  private static final Logger log = LoggerFactory.getLogger(Inventory.class);

  /** What an import did. */
  public record Imported(int added, int updated, int unchanged) {}

  private final AssetRepository assets;
  private final Clock clock;

  public Inventory(AssetRepository assets, Clock clock) {
    this.assets = assets;
    this.clock = clock;
  }

  public List<Asset> search(AssetKind kind, AssetState state, String text, int limit) {
    return assets.search(kind, state, text, limit);
  }

  /** The asset of a tag as people type it; empty for a tag no asset can have. */
  public Optional<Asset> find(String typedTag) {
    String tag = Asset.normalTag(typedTag);
    return tag != null && tag.matches(Asset.TAG_PATTERN) ? assets.find(tag) : Optional.empty();
  }

  /** A new asset from a JSON body; 400 for a tag already taken, checked before the insert. */
  @Transactional
  public Asset add(Map<String, Object> body, String user) {
    InputReader in = new InputReader(body);
    AssetInput input = AssetInput.read(in, body, null, true);
    if (input.tag() != null && assets.find(input.tag()).isPresent()) in.reject(AssetInput.TAG, taken(input.tag()));
    Asset asset = in.violations().isEmpty() ? AssetChanges.create(input, clock.instant(), in) : null;
    in.throwIfInvalid();
    try {
      assets.insert(asset);
    } catch (DuplicateKeyException e) {
      // Someone added the same tag between the check and the insert.
      throw new InvalidInputException(AssetInput.TAG, taken(asset.tag()));
    }
    log.info("Inventory: {} added asset {} ({}, {})", user, asset.tag(), asset.kind(), asset.state());
    return asset;
  }

  /** The asset of {@code typedTag} changed as the JSON body says; empty if there is none. */
  @Transactional
  public Optional<Asset> update(String typedTag, Map<String, Object> body, String user) {
    String tag = Asset.normalTag(typedTag);
    if (tag == null || !tag.matches(Asset.TAG_PATTERN)) return Optional.empty();
    List<Asset> locked = assets.lockAll(List.of(tag));
    if (locked.isEmpty()) return Optional.empty();
    Asset current = locked.get(0);
    InputReader in = new InputReader(body);
    AssetInput input = AssetInput.read(in, body, tag, false);
    boolean reserved = !assets.reserved(List.of(tag)).isEmpty();
    Asset changed = in.violations().isEmpty()
        ? AssetChanges.change(current, input, clock.instant(), in, reserved) : null;
    in.throwIfInvalid();
    if (changed != current) {
      assets.update(changed);
      log.info("Inventory: {} changed asset {}: {} (state {} → {})", user, tag,
          AssetChanges.differences(current, changed), current.state(), changed.state());
    }
    return Optional.of(changed);
  }

  /**
   * Adds or updates an asset for every row of a CSV file, all or nothing: the rows are checked in
   * full against the stored assets, locked, before the first write.
   */
  @Transactional
  public Imported importCsv(String csv, String user) {
    AssetCsv.Parsed parsed = AssetCsv.parse(csv);
    if (!parsed.errors().isEmpty()) throw new ImportRefusedException(parsed.errors());
    Map<String, Asset> current = assets.lockAll(AssetImport.tags(parsed.rows())).stream()
        .collect(Collectors.toMap(Asset::tag, Function.identity()));
    AssetImport.Plan plan = AssetImport.plan(parsed.rows(), current, assets.reserved(current.keySet()), clock.instant());
    if (!plan.errors().isEmpty()) throw new ImportRefusedException(plan.errors());
    try {
      assets.insertAll(plan.added());
    } catch (DuplicateKeyException e) {
      // Someone added one of the file's new tags after they were looked up.
      throw new ImportRefusedException(List.of(new RowError(null, "placa",
          "Mientras se importaba el archivo se registró en el inventario una de sus placas nuevas. No se importó"
              + " nada: importe el archivo de nuevo.")));
    }
    assets.updateAll(plan.changed());
    log.info("Inventory: {} imported a CSV file: {} added, {} updated, {} unchanged", user, plan.added().size(),
        plan.changed().size(), plan.unchanged());
    return new Imported(plan.added().size(), plan.changed().size(), plan.unchanged());
  }

  private static String taken(String tag) {
    return "Ya existe un equipo con la placa " + tag + ".";
  }
}
