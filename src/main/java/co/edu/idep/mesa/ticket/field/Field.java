package co.edu.idep.mesa.ticket.field;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.validation.InputReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One field of the procedure, defined once: what the forms show and what the server accepts.
 * {@code required} and the limits are the field's own rules; a form may still ask for it only in
 * some cases (it is then hidden in the others), and the server code says which cases those are.
 *
 * @param key         the variable name, the same in forms, process and {@code /api}
 * @param label       the Spanish label, in forms and in the server's messages
 * @param maxLength   for text: the most characters, not counting surrounding spaces
 * @param min         for integers: the least value
 * @param max         for integers: the greatest value
 * @param pattern     for text: the format, as the forms write it
 * @param patternHint what the server says when the format does not match, after «label»
 * @param options     for choices and yes/no questions: the values and their labels
 * @param optionsKey  for choices whose options change with each task (the assets free for a loan's
 *                    dates): the variable that holds them, as form-js's {@code valuesKey}; the server
 *                    code checks the value against them
 * @param personal    personal data under Ley 1581 de 2012: masked on the holder's request
 * @param topics      the help topics whose request carries it; empty for the tasks' own fields
 * @param note        for the docs, in English: when the form asks for it, if not always (it is hidden
 *                    otherwise), and what the server checks beyond these rules, in code
 * @param example     a valid value, as a form submits it: for the docs and the tests
 */
public record Field(
    String key, String label, FieldType type, boolean required, Integer maxLength, Long min, Long max,
    FormPattern pattern, String patternHint, List<Option> options, String optionsKey, boolean personal,
    Set<Topic> topics, String note, Object example) {

  static final List<Option> YES_NO = List.of(Option.of(true, "Sí"), Option.of(false, "No"));

  public Field {
    Objects.requireNonNull(key);
    Objects.requireNonNull(label);
    Objects.requireNonNull(type);
    if ((pattern == null) != (patternHint == null)) {
      throw new IllegalArgumentException(key + ": a pattern needs the hint the server shows for it");
    }
    options = List.copyOf(options);
    topics = topics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(topics));
  }

  // ---------------------------------------------------------------- definitions

  public static Field text(String key, String label) {
    return of(key, label, FieldType.TEXT, List.of());
  }

  public static Field longText(String key, String label) {
    return of(key, label, FieldType.LONG_TEXT, List.of());
  }

  public static Field choice(String key, String label, List<Option> options) {
    return of(key, label, FieldType.CHOICE, options);
  }

  public static Field multiChoice(String key, String label, List<Option> options) {
    return of(key, label, FieldType.MULTI_CHOICE, options);
  }

  /** A yes/no question; a form asks it as a radio group with these options, or as a checkbox. */
  public static Field yesNo(String key, String label) {
    return of(key, label, FieldType.BOOLEAN, YES_NO);
  }

  public static Field confirmation(String key, String label) {
    return of(key, label, FieldType.CONFIRMATION, List.of()).mandatory();
  }

  public static Field integer(String key, String label) {
    return of(key, label, FieldType.INTEGER, List.of());
  }

  public static Field date(String key, String label) {
    return of(key, label, FieldType.DATE, List.of());
  }

  private static Field of(String key, String label, FieldType type, List<Option> options) {
    return new Field(key, label, type, false, null, null, null, null, null, options, null, false, Set.of(), null,
        null);
  }

  public Field mandatory() {
    return new Field(key, label, type, true, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        topics, note, example);
  }

  public Field maxLength(int maxLength) {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        topics, note, example);
  }

  public Field between(long min, long max) {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        topics, note, example);
  }

  /** {@code hint} completes «El campo «label» …» when a value does not match. */
  public Field pattern(String javaScriptRegex, String hint) {
    return new Field(key, label, type, required, maxLength, min, max, FormPattern.of(javaScriptRegex), hint,
        options, optionsKey, personal, topics, note, example);
  }

  public Field options(List<Option> options) {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        topics, note, example);
  }

  public Field options(Option... options) {
    return options(List.of(options));
  }

  /** Options that each task puts in variable {@code key} (see {@code optionsKey} above). */
  public Field optionsFrom(String key) {
    return new Field(key(), label, type, required, maxLength, min, max, pattern, patternHint, options, key,
        personal, topics, note, example);
  }

  /** Personal data under Ley 1581 de 2012. */
  public Field personalData() {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey,
        true, topics, note, example);
  }

  public Field topics(Topic... topics) {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        Set.of(topics), note, example);
  }

  /** See {@code note} above. */
  public Field note(String note) {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        topics, note, example);
  }

  /** A valid value, as a form submits it: text, a number, true or false, a list of codes. */
  public Field example(Object example) {
    return new Field(key, label, type, required, maxLength, min, max, pattern, patternHint, options, optionsKey, personal,
        topics, note, example);
  }

  public Field everyTopic() {
    return topics(Topic.values());
  }

  // ---------------------------------------------------------------- facts

  /** The label of option {@code code}, or the code itself when the field has no such option. */
  public String optionLabel(String code) {
    return options.stream().filter(o -> o.code().equals(code)).map(Option::label).findFirst().orElse(code);
  }

  public List<String> codes() {
    return options.stream().map(Option::code).toList();
  }

  public boolean carries(Topic topic) {
    return topics.contains(topic);
  }

  public boolean carriedByEveryTopic() {
    return topics.size() == Topic.values().length;
  }

  // ---------------------------------------------------------------- reading submitted values

  /** Reads the value by its type and rules; the result is what the process and the record store. */
  public Object read(InputReader in) {
    return switch (type) {
      case TEXT, LONG_TEXT -> text(in);
      case CHOICE -> choice(in);
      case MULTI_CHOICE -> {
        List<String> codes = codes(in);
        yield codes.isEmpty() ? null : codes;
      }
      case BOOLEAN, CONFIRMATION -> bool(in);
      case INTEGER -> integer(in);
      case DATE -> {
        LocalDate date = date(in);
        yield date == null ? null : date.toString();
      }
    };
  }

  public String text(InputReader in) {
    return text(in, required);
  }

  /**
   * Plain text within the length, and in the format if there is one. The format is checked on the
   * value as submitted, as form-js checks it, so that surrounding spaces count alike on both sides.
   */
  public String text(InputReader in, boolean required) {
    String text = in.text(key, label, required, maxLength == null ? Integer.MAX_VALUE : maxLength);
    if (text != null && pattern != null && !pattern.test((String) in.raw(key))) {
      in.reject(key, "El campo «" + label + "» " + patternHint);
      return null;
    }
    return text;
  }

  public String choice(InputReader in) {
    return choice(in, required);
  }

  public String choice(InputReader in, boolean required) {
    return in.choice(key, label, required, codes());
  }

  public List<String> codes(InputReader in) {
    return in.codes(key, label, required, codes());
  }

  /** The values chosen, as sent, for a field whose options the task offers: the caller checks them. */
  public List<String> chosen(InputReader in) {
    return in.list(key, label, required);
  }

  public Boolean bool(InputReader in) {
    return bool(in, required);
  }

  public Boolean bool(InputReader in, boolean required) {
    return in.bool(key, label, required);
  }

  public Long integer(InputReader in) {
    return in.integer(key, label, required, min == null ? Long.MIN_VALUE : min, max == null ? Long.MAX_VALUE : max);
  }

  public LocalDate date(InputReader in) {
    return in.date(key, label, required);
  }

  @Override
  public String toString() {
    return key + Arrays.asList(type, required ? "required" : "optional");
  }
}
