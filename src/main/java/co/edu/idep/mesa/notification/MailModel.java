package co.edu.idep.mesa.notification;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model of a message: what its template shows, written to the outbox as JSON at enqueue and
 * handed to the template when {@link MailDelivery} renders it. So that what the template sees at
 * delivery is what the step meant, a model holds only these, checked at enqueue:
 *
 * <ul>
 *   <li>text ({@link String}) and {@link Boolean};
 *   <li>whole numbers ({@link Integer}, {@link Long}, {@link Short}, {@link Byte}, {@link BigInteger}),
 *       seen by the template as Integer, Long or BigInteger;
 *   <li>other numbers ({@link BigDecimal}, and finite {@link Double} or {@link Float}), seen as BigDecimal;
 *   <li>dates and times of {@code java.time} ({@link LocalDate}, {@link LocalDateTime}, {@link OffsetDateTime},
 *       {@link ZonedDateTime}, {@link Instant}, …), seen as their ISO-8601 text (format them for people
 *       before, as the ticket's notices do);
 *   <li>{@code null}; lists ({@link List}) of these, and maps ({@link Map}) with text keys of these.
 * </ul>
 *
 * Anything else (an enum, an entity, a {@link java.util.Date}, a set…) is refused at enqueue with the
 * key it was found at: a listener fails in its own step, not a message days later.
 */
public final class MailModel {

  /** Characters of a model in JSON at most: bodies of reports and observations fit. */
  static final int MAX_JSON_LENGTH = 100_000;
  static final int MAX_DEPTH = 8;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private MailModel() {}

  /**
   * A checked copy of {@code model}, with the values as the template will see them at delivery
   * (dates as ISO text, decimals as BigDecimal), keys sorted; unmodifiable.
   *
   * @throws IllegalArgumentException naming the key and the type of the first value a model cannot hold
   */
  public static Map<String, Object> checked(String template, Map<String, ?> model) {
    if (model == null) return Map.of();
    return map(template, "", model, 0);
  }

  /** {@code model} ({@link #checked}) as the outbox stores it. */
  static String toJson(String template, Map<String, Object> model) {
    String json;
    try {
      json = JSON.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The model of mail template «" + template + "» cannot be written as JSON: "
          + e.getOriginalMessage(), e);
    }
    if (json.length() > MAX_JSON_LENGTH) {
      throw new IllegalArgumentException("The model of mail template «" + template + "» is too large: " + json.length()
          + " characters of JSON, at most " + MAX_JSON_LENGTH);
    }
    return json;
  }

  /** A model as the outbox stored it; null for a message whose content already left (sent). */
  static Map<String, Object> fromJson(String json) {
    if (json == null) throw new IllegalArgumentException("the message has no model (its content was already sent)");
    try {
      return Collections.unmodifiableMap(JSON.readValue(json, MAP));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the model is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, Object> map(String template, String path, Map<?, ?> map, int depth) {
    depth(template, path, depth);
    Map<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key) || key.isEmpty()) {
        throw refused(template, path, "a key that is not a non-empty text (" + describe(entry.getKey()) + ")");
      }
      String at = path.isEmpty() ? key : path + "." + key;
      sorted.put(key, value(template, at, entry.getValue(), depth + 1));
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
  }

  private static Object value(String template, String path, Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
        || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Short || value instanceof Byte) return ((Number) value).intValue();
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (!Double.isFinite(number)) throw refused(template, path, "a number that is not finite (" + value + ")");
      // Float through its own text, so that 0.1f stays 0.1.
      return new BigDecimal(value.toString());
    }
    String isoText = iso(value);
    if (isoText != null) return isoText;
    if (value instanceof List<?> list) {
      depth(template, path, depth);
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) copy.add(value(template, path + "[" + i + "]", list.get(i), depth + 1));
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof Map<?, ?> map) return map(template, path, map, depth);
    throw refused(template, path, describe(value));
  }

  /** ISO-8601 text of a date or time of java.time, or null if {@code value} is none. */
  private static String iso(Object value) {
    if (value instanceof Instant instant) return DateTimeFormatter.ISO_INSTANT.format(instant);
    if (value instanceof OffsetDateTime time) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    if (value instanceof ZonedDateTime time) return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    if (value instanceof LocalDateTime time) return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
    if (value instanceof LocalDate date) return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    if (value instanceof LocalTime time) return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
    if (value instanceof OffsetTime time) return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
    if (value instanceof YearMonth || value instanceof Year) return value.toString();
    return null;
  }

  private static void depth(String template, String path, int depth) {
    if (depth > MAX_DEPTH) throw refused(template, path, "lists or maps nested more than " + MAX_DEPTH + " deep");
  }

  private static String describe(Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }

  private static IllegalArgumentException refused(String template, String path, String what) {
    return new IllegalArgumentException("The model of mail template «" + template + "» holds "
        + what + (path.isEmpty() ? "" : " at «" + path + "»")
        + ": a mail model holds only text, numbers, booleans, java.time dates (stored as ISO text), null,"
        + " and lists and maps of those");
  }
}
