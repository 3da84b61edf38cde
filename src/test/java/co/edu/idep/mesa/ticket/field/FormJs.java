package co.edu.idep.mesa.ticket.field;

import co.edu.idep.mesa.ticket.field.FormFile.Component;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What form-js — the Camunda Forms viewer in Tasklist (7.24) — lets a person submit in one field,
 * read from the form file alone. It follows form-js's validator: {@code pattern} is tested with
 * {@code new RegExp(pattern).test(value)} on a non-empty value; {@code required} refuses null,
 * {@code ""}, an empty list and an unticked checkbox; {@code minLength}/{@code maxLength} count the
 * value trimmed by JavaScript's {@code trim()}; {@code min}/{@code max} bound numbers. Besides, a
 * widget holds only what it can: a select, radio or checklist its options, a number field a number
 * (an integer when {@code decimalDigits} is 0), a date picker with {@code disallowPassedDates} no past
 * date.
 *
 * <p>The patterns are JavaScript regular expressions; they are evaluated here with
 * {@code java.util.regex} through {@link FormPattern}, which translates the constructs the two
 * dialects read differently (see there).
 */
final class FormJs {

  private static final Pattern JS_SPACE = Pattern.compile("[" + FormPattern.JS_SPACES + "]");

  /** The options a task offers in a field with a {@code valuesKey} (the probes put them in its variable). */
  static final java.util.List<String> OFFERED = java.util.List.of("IDEP-C-001", "IDEP-C-002", "IDEP-C-003");

  private FormJs() {}

  /** Whether the field lets {@code value} through; {@code topic} is the ticket's, for filtered options. */
  static boolean accepts(Component field, Object value, String topic, LocalDate today) {
    return canHold(field, value, topic, today) && passesValidation(field, value);
  }

  private static boolean canHold(Component field, Object value, String topic, LocalDate today) {
    // A checkbox always answers: unticked, it submits false.
    if (value == null) return !field.type().equals("checkbox");
    // A cleared select or date picker holds no value: clients send it as null or "", and "required" decides.
    if ("".equals(value) && (field.type().equals("select") || field.type().equals("datetime"))) return true;
    return switch (field.type()) {
      case "textfield", "textarea" -> value instanceof String;
      case "checkbox" -> value instanceof Boolean;
      case "number" -> value instanceof Number n
          && (field.json().path("decimalDigits").asInt(-1) != 0 || n.doubleValue() == Math.rint(n.doubleValue()));
      case "datetime" -> value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")
          && !(field.json().path("disallowPassedDates").asBoolean(false) && LocalDate.parse(s).isBefore(today));
      case "select", "radio" -> isOption(field, value, topic);
      case "checklist", "taglist" -> value instanceof List<?> list
          && list.stream().allMatch(v -> isOption(field, v, topic));
      default -> throw new IllegalArgumentException("No probe for a " + field.type());
    };
  }

  private static boolean isOption(Component field, Object value, String topic) {
    if (field.json().has("valuesKey")) return value instanceof String s && OFFERED.contains(s);
    if (field.json().has("valuesExpression")) {
      return value instanceof String s && !(field.omitsCurrentTopic() && s.equals(topic))
          && field.options().stream().anyMatch(o -> o.code().equals(s));
    }
    return field.optionValues().stream().anyMatch(option -> sameValue(option, value));
  }

  private static boolean sameValue(JsonNode option, Object value) {
    if (option.isBoolean()) return value instanceof Boolean b && b == option.booleanValue();
    if (option.isNumber()) return value instanceof Number n && n.doubleValue() == option.doubleValue();
    return value instanceof String s && s.equals(option.asText());
  }

  private static boolean passesValidation(Component field, Object value) {
    JsonNode rules = field.validate();
    String text = value instanceof String s && !s.isEmpty() ? s : null;
    if (rules.has("pattern") && text != null && !FormPattern.of(rules.path("pattern").asText()).test(text)) {
      return false;
    }
    if (rules.path("required").asBoolean(false) && (value == null || "".equals(value)
        || (value instanceof List<?> list && list.isEmpty())
        || (field.type().equals("checkbox") && Boolean.FALSE.equals(value)))) {
      return false;
    }
    if (value instanceof Number n) {
      if (rules.has("min") && n.doubleValue() < rules.path("min").asDouble()) return false;
      if (rules.has("max") && n.doubleValue() > rules.path("max").asDouble()) return false;
    }
    if (text != null) {
      int length = trim(text).length();
      if (rules.has("minLength") && length < rules.path("minLength").asInt()) return false;
      if (rules.has("maxLength") && length > rules.path("maxLength").asInt()) return false;
    }
    return true;
  }

  /** JavaScript's {@code String.prototype.trim}. */
  static String trim(String s) {
    int begin = 0;
    int end = s.length();
    while (begin < end && JS_SPACE.matcher(s.substring(begin, begin + 1)).matches()) begin++;
    while (end > begin && JS_SPACE.matcher(s.substring(end - 1, end)).matches()) end--;
    return s.substring(begin, end);
  }
}
