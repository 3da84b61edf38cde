package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.validation.InputReader;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person writes of an asset — a JSON body of {@code /api/assets} or a row of the CSV import —
 * read by the same rules, so both accept and refuse the same values. A null kind or state was not
 * given: a new asset gets none of the first (it is required) and DISPONIBLE for the second; an
 * existing one keeps its own.
 */
public record AssetInput(String tag, AssetKind kind, String description, String brandModel, String serialNumber,
    String location, AssetState state) {

  // The keys of the JSON body; the CSV columns map onto them (AssetCsv).
  public static final String TAG = "tag";
  public static final String KIND = "kind";
  public static final String DESCRIPTION = "description";
  public static final String BRAND_MODEL = "brandModel";
  public static final String SERIAL_NUMBER = "serialNumber";
  public static final String LOCATION = "location";
  public static final String STATE = "state";

  /** The column lengths of V8__inventory_and_loans.sql. */
  static final int TAG_MAX = 20;
  static final int DESCRIPTION_MAX = 200;
  static final int BRAND_MODEL_MAX = 120;
  static final int SERIAL_NUMBER_MAX = 80;
  static final int LOCATION_MAX = 120;

  private static final Pattern TAG_FORMAT = Pattern.compile(Asset.TAG_PATTERN);

  /**
   * Reads {@code values}; every value that breaks a rule is rejected on {@code in}, and comes back
   * null. {@code pathTag} is the tag of the URL of an update (the body's, if any, must agree: a tag
   * is never renamed), null for a new asset.
   */
  public static AssetInput read(InputReader in, Map<String, Object> values, String pathTag, boolean kindRequired) {
    String tag = pathTag != null ? Asset.normalTag(pathTag) : tag(in);
    if (pathTag != null && !in.isBlank(TAG)) {
      Object typed = in.raw(TAG);
      if (!(typed instanceof String s) || !Asset.normalTag(s).equals(tag)) {
        in.reject(TAG, "La placa de un equipo no se cambia: registre el equipo con la placa correcta y dé de baja"
            + " el anterior.");
      }
    }
    AssetKind kind = kind(in, kindRequired);
    String description = in.text(DESCRIPTION, "Descripción", true, DESCRIPTION_MAX);
    String brandModel = in.text(BRAND_MODEL, "Marca y modelo", false, BRAND_MODEL_MAX);
    String serialNumber = in.text(SERIAL_NUMBER, "Serial", false, SERIAL_NUMBER_MAX);
    String location = in.text(LOCATION, "Ubicación", false, LOCATION_MAX);
    AssetState state = state(in);
    return new AssetInput(tag, kind, description, brandModel, serialNumber, location, state);
  }

  private static String tag(InputReader in) {
    String typed = in.text(TAG, "Placa", true, TAG_MAX);
    if (typed == null) return null;
    String tag = Asset.normalTag(typed);
    if (!TAG_FORMAT.matcher(tag).matches()) {
      in.reject(TAG, "El campo «Placa» admite solo letras sin tilde, números y guiones, sin espacios (por ejemplo"
          + " IDEP-C-001).");
      return null;
    }
    return tag;
  }

  private static AssetKind kind(InputReader in, boolean required) {
    Object value = in.raw(KIND);
    if (in.isBlank(KIND)) {
      if (required) in.reject(KIND, "Seleccione un valor para «Tipo»: Cómputo o Comunicaciones.");
      return null;
    }
    AssetKind kind = value instanceof String s ? AssetKind.fromText(s).orElse(null) : null;
    if (kind == null) in.reject(KIND, "El valor de «Tipo» no es válido: use Cómputo o Comunicaciones.");
    return kind;
  }

  private static AssetState state(InputReader in) {
    Object value = in.raw(STATE);
    if (in.isBlank(STATE)) return null;
    AssetState state = value instanceof String s ? AssetState.fromText(s).orElse(null) : null;
    if (state == null) {
      in.reject(STATE, "El valor de «Estado» no es válido: use Disponible, En mantenimiento o Dado de baja.");
    }
    return state;
  }
}
