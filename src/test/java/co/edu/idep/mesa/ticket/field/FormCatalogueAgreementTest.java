package co.edu.idep.mesa.ticket.field;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.field.FormFile.Component;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every form of {@code forms/} agrees with the field catalogue: the same keys, labels, read-only
 * flags, required flags, lengths, formats, ranges and options. The forms are edited in Camunda
 * Modeler; this test is what keeps them to the catalogue, field by field.
 */
class FormCatalogueAgreementTest {

  /** The form-js widgets that may show each type of field. */
  private static final Map<FieldType, Set<String>> WIDGETS = Map.of(
      FieldType.TEXT, Set.of("textfield"),
      FieldType.LONG_TEXT, Set.of("textarea"),
      FieldType.CHOICE, Set.of("select", "radio"),
      FieldType.MULTI_CHOICE, Set.of("checklist", "taglist"),
      FieldType.BOOLEAN, Set.of("radio", "checkbox"),
      FieldType.CONFIRMATION, Set.of("checkbox"),
      FieldType.INTEGER, Set.of("number", "radio", "select"),
      FieldType.DATE, Set.of("datetime"));

  private static final Pattern TOPIC_HIDDEN_UNLESS = Pattern.compile("topic != \"([A-Z_]+)\"");

  static Stream<FormFile> forms() {
    return FormFile.all().stream();
  }

  @Test
  void theCatalogueHasEveryFormAndEveryFormIsAFile() {
    List<String> files = FormFile.all().stream().map(FormFile::fileName).toList();
    List<String> catalogued = FieldCatalogue.forms().stream().map(FormDefinition::id).toList();
    assertThat(files).as("forms/*.form").isNotEmpty().containsExactlyInAnyOrderElementsOf(catalogued);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void formAgreesWithTheCatalogue(FormFile file) {
    FormDefinition form = FieldCatalogue.form(file.fileName()).orElseThrow(() -> new AssertionError(
        "forms/" + file.fileName() + ".form is not in the catalogue: add it to Forms"));
    List<String> problems = new ArrayList<>();
    if (!file.id().equals(file.fileName())) problems.add("its id is " + file.id() + ", not its file name");

    List<String> keys = file.components().stream().map(Component::key).toList();
    keys.stream().filter(k -> keys.indexOf(k) != keys.lastIndexOf(k)).distinct()
        .forEach(k -> problems.add(k + ": shown twice"));
    form.fields().stream().map(FormField::key).filter(k -> !keys.contains(k))
        .forEach(k -> problems.add(k + ": in the catalogue, missing from the form"));
    keys.stream().filter(k -> form.field(k).isEmpty())
        .forEach(k -> problems.add(k + ": in the form, missing from the catalogue"));

    for (Component component : file.components()) {
      form.field(component.key()).ifPresent(expected -> compare(component, expected, problems));
    }
    assertThat(problems).as("forms/%s.form differs from the catalogue (Fields, Forms)", file.fileName()).isEmpty();
  }

  /** The start form shows each topic's fields for that topic alone, as the catalogue says. */
  @Test
  void theStartFormShowsEachFieldForTheTopicsThatCarryIt() {
    FormFile start = FormFile.read("abrir-ticket");
    List<String> problems = new ArrayList<>();
    for (Component component : start.components()) {
      Set<Topic> shownFor = EnumSet.allOf(Topic.class);
      for (String condition : component.hiddenWhen()) {
        Set<Topic> unless = EnumSet.noneOf(Topic.class);
        Matcher m = TOPIC_HIDDEN_UNLESS.matcher(condition);
        while (m.find()) unless.add(Topic.valueOf(m.group(1)));
        if (!unless.isEmpty()) shownFor.retainAll(unless);
      }
      Set<Topic> carriedBy = FieldCatalogue.field(component.key()).map(Field::topics).orElse(Set.of());
      if (!shownFor.equals(carriedBy)) {
        problems.add(component.key() + ": shown for " + shownFor + ", carried by " + carriedBy);
      }
    }
    assertThat(problems).isEmpty();
  }

  private static void compare(Component form, FormField expected, List<String> problems) {
    Field field = expected.field();
    String key = form.key();
    check(problems, key, "label", form.label(), expected.label());
    check(problems, key, "read-only", form.readOnly(), !expected.editable());
    if (!WIDGETS.get(field.type()).contains(form.type())) {
      problems.add(key + ": a " + form.type() + " cannot show a " + field.type() + " field");
    }
    if (field.type() == FieldType.DATE) check(problems, key, "subtype", form.json().path("subtype").asText(), "date");
    // Options the task offers come from the variable the catalogue names, and from nowhere else.
    check(problems, key, "valuesKey", form.json().path("valuesKey").asText(null), field.optionsKey());
    if (field.optionsKey() != null) {
      if (form.json().has("values") || form.json().has("valuesExpression")) problems.add(key + ": fixed options");
    } else if (form.json().has("values") || form.json().has("valuesExpression")) {
      check(problems, key, "options", form.options(), expected.options());
      form.optionValues().stream().filter(v -> !hasTypeOf(field.type(), v)).findFirst()
          .ifPresent(v -> problems.add(key + ": option value " + v + " is not a " + field.type()));
    } else if (List.of("select", "radio", "checklist", "taglist").contains(form.type())) {
      problems.add(key + ": a " + form.type() + " without options");
    }
    if (field.type() == FieldType.INTEGER && form.type().equals("radio")) {
      List<String> range = Stream.iterate(field.min(), n -> n <= field.max(), n -> n + 1).map(String::valueOf).toList();
      check(problems, key, "options' range", field.codes(), range);
    }

    if (!expected.editable()) {
      if (!form.validate().isMissingNode() && !form.validate().isEmpty()) {
        problems.add(key + ": read-only, yet validated (validation belongs where the value is entered)");
      }
      return;
    }
    boolean checkbox = form.type().equals("checkbox");
    // A checkbox always answers; required on it means "must be ticked".
    boolean required = checkbox ? field.type() == FieldType.CONFIRMATION : expected.required();
    check(problems, key, "required", form.required(), required);
    boolean text = field.type() == FieldType.TEXT || field.type() == FieldType.LONG_TEXT;
    // Blank text is refused by the server; minLength 1 makes the form refuse it too (form-js trims).
    check(problems, key, "minLength", form.intRule("minLength"), text && required ? 1 : null);
    check(problems, key, "maxLength", form.intRule("maxLength"), text ? field.maxLength() : null);
    check(problems, key, "pattern", form.pattern(), field.pattern() == null ? null : field.pattern().source());
    boolean number = form.type().equals("number");
    check(problems, key, "min", form.intRule("min"), number && field.min() != null ? field.min().intValue() : null);
    check(problems, key, "max", form.intRule("max"), number && field.max() != null ? field.max().intValue() : null);
    if (number) check(problems, key, "decimalDigits", form.json().path("decimalDigits").asInt(-1), 0);
    // Camunda Modeler drops pattern and lengths from a field with a validationType.
    check(problems, key, "validationType", form.validate().path("validationType").asText(null), null);
  }

  private static boolean hasTypeOf(FieldType type, com.fasterxml.jackson.databind.JsonNode value) {
    return switch (type) {
      case BOOLEAN -> value.isBoolean();
      case INTEGER -> value.isIntegralNumber();
      default -> value.isTextual();
    };
  }

  private static void check(List<String> problems, String key, String what, Object actual, Object expected) {
    if (!Objects.equals(actual, expected)) {
      problems.add(key + ": " + what + " is " + describe(actual) + " in the form, " + describe(expected)
          + " in the catalogue");
    }
  }

  private static String describe(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
    }
    return value instanceof String s ? "«" + s + "»" : String.valueOf(value);
  }
}
