package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.validation.InputReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV import worked out in full before anything is written: each row adds the asset of its tag
 * or updates it, by the same rules as {@code /api/assets}; a row that breaks one, or repeats a tag
 * of the file, is an error, and one error anywhere means that nothing is written.
 */
public final class AssetImport {

  /** What the file would do: the assets to add and to change, how many rows change nothing, and the errors. */
  public record Plan(List<Asset> added, List<Asset> changed, int unchanged, List<RowError> errors) {}

  private AssetImport() {}

  /** The tags the rows name, as stored, to look up (and lock) before planning. */
  public static List<String> tags(List<AssetCsv.Row> rows) {
    return rows.stream().map(AssetImport::typedTag).filter(t -> t != null && t.matches(Asset.TAG_PATTERN))
        .distinct().toList();
  }

  /** {@code current}: the stored assets of {@link #tags}, by tag. */
  public static Plan plan(List<AssetCsv.Row> rows, Map<String, Asset> current, Instant now) {
    return plan(rows, current, java.util.Set.of(), now);
  }

  /** The same; {@code reserved}: those of them a loan has reserved ({@link AssetChanges}). */
  public static Plan plan(List<AssetCsv.Row> rows, Map<String, Asset> current, java.util.Set<String> reserved,
      Instant now) {
    List<Asset> added = new ArrayList<>();
    List<Asset> changed = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    int unchanged = 0;
    for (AssetCsv.Row row : rows) {
      String typed = typedTag(row);
      Asset existing = typed == null ? null : current.get(typed);
      InputReader in = new InputReader(row.values());
      // A new asset needs its kind; an existing one keeps it when the cell is empty.
      AssetInput input = AssetInput.read(in, row.values(), null, existing == null);
      if (input.tag() != null) {
        Long first = firstLine.putIfAbsent(input.tag(), row.line());
        if (first != null) {
          in.reject(AssetInput.TAG, "La placa " + input.tag() + " ya está en la línea " + first
              + " del archivo: cada equipo va en una sola fila.");
        }
      }
      Asset result = null;
      if (in.violations().isEmpty()) {
        result = existing == null ? AssetChanges.create(input, now, in) : AssetChanges.change(existing, input, now, in,
            reserved.contains(existing.tag()));
      }
      in.violations().forEach(v -> errors.add(new RowError(row.line(), AssetCsv.column(v.field()), v.message())));
      if (result == null) continue;
      if (existing == null) {
        added.add(result);
      } else if (result == existing) {
        unchanged++;
      } else {
        changed.add(result);
      }
    }
    return errors.isEmpty() ? new Plan(added, changed, unchanged, List.of()) : new Plan(List.of(), List.of(), 0, errors);
  }

  private static String typedTag(AssetCsv.Row row) {
    return row.values().get(AssetInput.TAG) instanceof String s ? Asset.normalTag(s) : null;
  }
}
