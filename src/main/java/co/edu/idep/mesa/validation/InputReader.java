package co.edu.idep.mesa.validation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads typed values out of submitted data — a JSON body from {@code /api} or the variables a
 * Tasklist form submitted — and collects a Spanish message for every value that breaks a rule.
 * Both entry points read through here, so they accept and reject exactly the same input.
 */
public class InputReader {

  private static final Pattern MARKUP =
      Pattern.compile("<[a-zA-Z!/?]|&#|javascript:", Pattern.CASE_INSENSITIVE);
  // Control characters other than tab and line breaks have no place in a ticket; nor have the
  // bidirectional overrides and isolates, which make text read differently from what it holds.
  private static final Pattern CONTROL =
      Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]|[\\u202A-\\u202E\\u2066-\\u2069]");
  // What shows nothing: format characters (zero-width spaces and joiners, BOM, soft hyphen, ...)
  // and white space of any kind. Text made only of these is blank.
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Z}\\s]+");

  private final Map<String, Object> input;
  private final List<Violation> violations = new ArrayList<>();

  public InputReader(Map<String, Object> input) {
    this.input = input;
  }

  public Object raw(String key) {
    Object value = input.get(key);
    if (value instanceof SpinJsonNode json) {
      if (json.isString()) return json.stringValue();
      if (json.isBoolean()) return json.boolValue();
      if (json.isNumber()) return json.numberValue();
      if (json.isNull()) return null;
    }
    return value;
  }

  public boolean isBlank(String key) {
    Object value = raw(key);
    return value == null || (value instanceof String s && isBlankText(s));
  }

  /** Blank once the characters that show nothing are removed. */
  static boolean isBlankText(String s) {
    return INVISIBLE.matcher(s).replaceAll("").isEmpty();
  }

  /** A lone surrogate is no character at all: PostgreSQL's UTF-8 refuses it. */
  static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Free text: trimmed, length-limited, and never markup, because it is shown as plain text. */
  public String text(String key, String label, boolean required, int maxLength) {
    Object value = raw(key);
    if (value == null || (value instanceof String s && isBlankText(s))) {
      if (required) reject(key, "El campo «" + label + "» es obligatorio.");
      return null;
    }
    if (!(value instanceof String s)) {
      reject(key, "El campo «" + label + "» debe ser un texto.");
      return null;
    }
    if (hasLoneSurrogate(s)) {
      reject(key, "El campo «" + label + "» contiene caracteres no permitidos.");
      return null;
    }
    String text = s.strip();
    if (text.length() > maxLength) {
      reject(key, "El campo «" + label + "» admite máximo " + maxLength + " caracteres.");
      return null;
    }
    if (MARKUP.matcher(text).find()) {
      reject(key, "El campo «" + label + "» no puede contener HTML ni código.");
      return null;
    }
    if (CONTROL.matcher(text).find()) {
      reject(key, "El campo «" + label + "» contiene caracteres no permitidos.");
      return null;
    }
    return text;
  }

  /** Text that must also match a format; {@code formatHint} says the format in Spanish. */
  public String matching(
      String key, String label, boolean required, int maxLength, Pattern format, String formatHint) {
    String text = text(key, label, required, maxLength);
    if (text != null && !format.matcher(text).matches()) {
      reject(key, "El campo «" + label + "» " + formatHint);
      return null;
    }
    return text;
  }

  /** One of a fixed set of codes. */
  public String choice(String key, String label, boolean required, Collection<String> allowed) {
    Object value = raw(key);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) reject(key, "Seleccione un valor para «" + label + "».");
      return null;
    }
    if (!(value instanceof String s) || !allowed.contains(s)) {
      reject(key, "El valor de «" + label + "» no es una opción válida.");
      return null;
    }
    return s;
  }

  public Boolean bool(String key, String label, boolean required) {
    Object value = raw(key);
    if (value instanceof Boolean b) return b;
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    if (value == null) {
      if (required) reject(key, "Responda «" + label + "».");
      return null;
    }
    reject(key, "El campo «" + label + "» debe ser sí o no.");
    return null;
  }

  public Long integer(String key, String label, boolean required, long min, long max) {
    Object value = raw(key);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) reject(key, "El campo «" + label + "» es obligatorio.");
      return null;
    }
    Long number = null;
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      number = n.longValue();
    } else if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
      number = Long.valueOf(s.strip());
    }
    if (number == null || number < min || number > max) {
      reject(key, "El campo «" + label + "» debe ser un número entero entre " + min + " y " + max + ".");
      return null;
    }
    return number;
  }

  public LocalDate date(String key, String label, boolean required) {
    Object value = raw(key);
    if (value == null || (value instanceof String s && s.isBlank())) {
      if (required) reject(key, "El campo «" + label + "» es obligatorio.");
      return null;
    }
    try {
      // Tasklist's date picker submits yyyy-MM-dd; a full timestamp is cut to its date.
      String text = value.toString().strip();
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      reject(key, "El campo «" + label + "» debe ser una fecha con formato AAAA-MM-DD.");
      return null;
    }
  }

  /** A list of codes, as JSON array, Spin JSON (Tasklist checklists) or comma-separated text. */
  public List<String> codes(String key, String label, boolean required, Collection<String> allowed) {
    List<String> items = list(key, label, required);
    for (String item : items) {
      if (!allowed.contains(item)) {
        reject(key, "«" + label + "» tiene una opción no válida.");
        return List.of();
      }
    }
    return items.stream().distinct().toList();
  }

  /**
   * The items as sent, repeats included, without a fixed set of options: for options that each task
   * offers, which the caller checks with messages of its own.
   */
  public List<String> list(String key, String label, boolean required) {
    Object value = input.get(key);
    List<String> items = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements().forEach(e -> items.add(e.isString() ? e.stringValue() : e.toString()));
    } else if (value instanceof Collection<?> c) {
      c.forEach(e -> items.add(String.valueOf(e)));
    } else if (value instanceof String s && !s.isBlank()) {
      for (String part : s.split(",")) items.add(part.strip());
    } else if (value != null && !(value instanceof String)) {
      reject(key, "El campo «" + label + "» debe ser una lista.");
      return List.of();
    }
    if (items.isEmpty() && required) reject(key, "Seleccione al menos una opción en «" + label + "».");
    return items;
  }

  /** Puts an accepted value into the output map; a rejected or absent one is left out. */
  public static void put(Map<String, Object> out, String key, Object value) {
    if (value != null) out.put(key, value);
  }

  public void reject(String key, String message) {
    violations.add(new Violation(key, message));
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Throws with every collected message, if there is any. */
  public void throwIfInvalid() {
    if (!violations.isEmpty()) throw new InvalidInputException(violations);
  }
}
