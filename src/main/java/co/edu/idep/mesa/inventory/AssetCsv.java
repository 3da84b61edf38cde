package co.edu.idep.mesa.inventory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The inventory as a spreadsheet file: one header row {@code placa,tipo,descripcion,marca_modelo,
 * serial,ubicacion,estado}, then one asset per row, kind and state as their Spanish labels. Reads
 * what spreadsheet programs write: a byte-order mark, {@code ;} as separator (Excel in a Spanish
 * locale), quoted fields with separators, quotes or line breaks, the columns in any order, headers
 * with accents or capitals, and wholly empty rows, which it skips.
 */
public final class AssetCsv {

  /** The columns in export order, each with the JSON key it fills (AssetInput). */
  public static final Map<String, String> COLUMNS = columns();

  /** An import takes at most this many assets: a larger inventory goes in parts. */
  public static final int MAX_ROWS = 10_000;

  /** One row of the file, with the line it starts on (the header is line 1), by JSON key. */
  public record Row(long line, Map<String, Object> values) {}

  /** What was read: rows, or the errors that stop the whole file. */
  public record Parsed(List<Row> rows, List<RowError> errors) {}

  /** Cells a spreadsheet would run as a formula: written with a leading apostrophe, read without it. */
  private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@]");
  private static final Pattern PROTECTED_FORMULA = Pattern.compile("^'+[=+\\-@]");

  private AssetCsv() {}

  private static Map<String, String> columns() {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("placa", AssetInput.TAG);
    columns.put("tipo", AssetInput.KIND);
    columns.put("descripcion", AssetInput.DESCRIPTION);
    columns.put("marca_modelo", AssetInput.BRAND_MODEL);
    columns.put("serial", AssetInput.SERIAL_NUMBER);
    columns.put("ubicacion", AssetInput.LOCATION);
    columns.put("estado", AssetInput.STATE);
    return java.util.Collections.unmodifiableMap(columns);
  }

  /** The column of a JSON key, to name a field the way the person sees it in his file. */
  public static String column(String key) {
    return COLUMNS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst()
        .orElse(key);
  }

  public static String header() {
    return String.join(",", COLUMNS.keySet());
  }

  /** The assets as CSV, UTF-8 with a byte-order mark so that spreadsheets read the accents. */
  public static String write(List<Asset> assets, char separator) {
    StringWriter csv = new StringWriter();
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setDelimiter(separator)
        .setHeader(COLUMNS.keySet().toArray(String[]::new)).get().print(csv)) {
      for (Asset a : assets) {
        printer.printRecord(cell(a.tag()), a.kind().label(), cell(a.description()), cell(a.brandModel()),
            cell(a.serialNumber()), cell(a.location()), a.state().label());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "\uFEFF" + csv;
  }

  /**
   * A value that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe; so does
   * one that already starts with apostrophes before such a sign, so that {@link #plain} gives every
   * value back exactly and an export imports unchanged.
   */
  static String cell(String value) {
    if (value == null) return "";
    return FORMULA.matcher(value).find() ? "'" + value : value;
  }

  /** The inverse of {@link #cell}. */
  static String plain(String cell) {
    return PROTECTED_FORMULA.matcher(cell).find() ? cell.substring(1) : cell;
  }

  /** Reads a whole file; on any error in the header or the shape of the file, no rows. */
  public static Parsed parse(String text) {
    String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
    Lines lines = new Lines(csv);
    List<RowError> errors = new ArrayList<>();
    if (csv.isBlank()) {
      errors.add(new RowError(1L, null, "El archivo está vacío: la primera línea debe ser el encabezado "
          + header() + "."));
      return new Parsed(List.of(), errors);
    }
    List<Row> rows = new ArrayList<>();
    String[] keys = null;
    long lastLine = 0;
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(csv))
        // Empty lines come through as rows, so that every row's position tells its line; they are skipped below.
        .setIgnoreEmptyLines(false).get();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      for (CSVRecord record : parser) {
        long line = lines.at(record.getCharacterPosition());
        lastLine = parser.getCurrentLineNumber();
        if (blank(record)) continue;
        if (keys == null) {
          keys = header(record, line, errors);
          if (keys == null) return new Parsed(List.of(), errors);
          continue;
        }
        if (record.size() != keys.length) {
          errors.add(new RowError(line, null, "La fila tiene " + record.size() + " columnas y el encabezado "
              + keys.length + ": revise el separador y las comillas de la fila."));
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          errors.add(new RowError(line, null, "El archivo tiene más de " + MAX_ROWS
              + " equipos: impórtelo en partes de máximo " + MAX_ROWS + " filas."));
          return new Parsed(List.of(), errors);
        }
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keys.length; i++) values.put(keys[i], plain(record.get(i)));
        rows.add(new Row(line, values));
      }
    } catch (UncheckedIOException | IOException e) {
      // An opening quote never closed, or text right after a closing quote.
      errors.add(new RowError(lastLine + 1, null, "Hay comillas sin cerrar o texto después de unas comillas de"
          + " cierre a partir de la línea " + (lastLine + 1) + ": encierre entre comillas dobles los valores que"
          + " llevan separadores o saltos de línea, y escriba dos comillas dobles para una comilla dentro de ellos."));
      return new Parsed(List.of(), errors);
    }
    if (keys == null) {
      errors.add(new RowError(1L, null, "El archivo no tiene encabezado: la primera línea debe ser " + header() + "."));
    }
    return new Parsed(errors.isEmpty() ? rows : List.of(), errors);
  }

  /** The JSON key of each column of the header row, or null with the reasons in {@code errors}. */
  private static String[] header(CSVRecord record, long line, List<RowError> errors) {
    Map<String, String> known = new HashMap<>();
    COLUMNS.forEach((column, key) -> known.put(Codes.fold(column), key));
    String[] keys = new String[record.size()];
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < record.size(); i++) {
      String name = record.get(i).strip();
      String key = known.get(Codes.fold(name));
      if (key == null) {
        unknown.add(name);
      } else if (Arrays.asList(keys).contains(key)) {
        errors.add(new RowError(line, column(key), "La columna «" + column(key) + "» está dos veces en el encabezado."));
      }
      keys[i] = key;
    }
    if (!unknown.isEmpty()) {
      errors.add(new RowError(line, null, "El encabezado tiene columnas que no se conocen: «"
          + String.join("», «", unknown) + "». Debe ser: " + header() + "."));
    }
    List<String> missing = COLUMNS.entrySet().stream().filter(e -> !Arrays.asList(keys).contains(e.getValue()))
        .map(Map.Entry::getKey).toList();
    if (!missing.isEmpty()) {
      errors.add(new RowError(line, null, "Al encabezado le faltan las columnas " + String.join(", ", missing)
          + ". Debe ser: " + header() + "."));
    }
    return errors.isEmpty() ? keys : null;
  }

  /** {@code ;} when the header row has more of them than commas (Excel in a Spanish locale), else {@code ,}. */
  static char separator(String csv) {
    int end = csv.indexOf('\n');
    String first = end < 0 ? csv : csv.substring(0, end);
    long semicolons = first.chars().filter(c -> c == ';').count();
    long commas = first.chars().filter(c -> c == ',').count();
    return semicolons > commas ? ';' : ',';
  }

  private static boolean blank(CSVRecord record) {
    return record.stream().allMatch(String::isBlank);
  }

  /**
   * The line a character offset falls on, counting \n, \r\n and a lone \r as line ends. Asked for
   * offsets in increasing order (the rows' starts), it reads the text once and keeps nothing.
   */
  private static final class Lines {
    private final String text;
    private int position;
    private long line = 1;

    Lines(String text) {
      this.text = text;
    }

    long at(long offset) {
      for (; position < offset && position < text.length(); position++) {
        char c = text.charAt(position);
        if (c == '\n' || (c == '\r' && (position + 1 == text.length() || text.charAt(position + 1) != '\n'))) line++;
      }
      return line;
    }
  }
}
