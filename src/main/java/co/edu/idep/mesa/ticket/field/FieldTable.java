package co.edu.idep.mesa.ticket.field;

import co.edu.idep.mesa.ticket.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes {@code docs/fields.md} from the catalogue, so that the docs never list a field, a limit or
 * a format of their own. {@code FieldTableTest} rewrites a stale file and fails once, so that the
 * change is seen and committed.
 */
public final class FieldTable {

  public static final String PATH = "docs/fields.md";

  private FieldTable() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Fields\n\n")
        .append("Generated from the field catalogue (`co.edu.idep.mesa.ticket.field.Fields` and `Forms`) by\n")
        .append("`FieldTable`: do not edit it by hand. When it differs from the catalogue, `FieldTableTest`\n")
        .append("rewrites it and fails once, so that the new version is reviewed and committed.\n\n");

    md.append("## What each topic asks for\n\n")
        .append("Every request (the start form `abrir-ticket`, `POST /api/tickets`) carries ")
        .append(keys(FieldCatalogue.requestFields().stream().filter(Field::carriedByEveryTopic).toList()))
        .append(". Fields the topic does not ask for are dropped, not stored.\n\n")
        .append("| topic | code | its own fields |\n|---|---|---|\n");
    for (Topic topic : Topic.values()) {
      row(md, topic.label(), code(topic.name()), keys(FieldCatalogue.topicFields(topic)));
    }

    md.append("\n## Every field\n\n")
        .append("Text is trimmed and may not hold markup or control characters; a format is a JavaScript\n")
        .append("regular expression, checked alike by the form and the server (`FormPattern`).\n\n")
        .append("| key | label | type | required | limits, format | options | personal data | topics | notes ")
        .append("| example |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (Field field : FieldCatalogue.fields()) {
      row(md, code(field.key()), field.label(), field.type().description(), field.required() ? "yes" : "",
          limits(field), options(field), field.personal() ? "yes (Ley 1581)" : "", topics(field),
          field.note() == null ? "" : field.note(), example(field));
    }

    md.append("\n## Forms\n\n")
        .append("The person who submits a form may set only the fields it lets him edit; the engine refuses\n")
        .append("any other variable. A form may word a label for its context.\n\n")
        .append("| form | edits | shows read-only |\n|---|---|---|\n");
    for (FormDefinition form : FieldCatalogue.forms()) {
      row(md, code(form.id()), placed(form, true), placed(form, false));
    }
    return md.toString();
  }

  private static String limits(Field field) {
    List<String> parts = new ArrayList<>();
    if (field.maxLength() != null) parts.add("≤ " + field.maxLength() + " characters");
    if (field.min() != null) parts.add(field.min() + " to " + field.max());
    if (field.pattern() != null) parts.add(code(field.pattern().source()) + " — «" + field.patternHint() + "»");
    return String.join("; ", parts);
  }

  private static String options(Field field) {
    if (field.type() == FieldType.BOOLEAN || field.type() == FieldType.INTEGER) return "";
    return field.options().stream().map(o -> code(o.code()) + " " + o.label()).collect(Collectors.joining(", "));
  }

  private static String example(Field field) {
    if (field.example() == null) return "";
    return code(field.example() instanceof List<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(", ")) : String.valueOf(field.example()));
  }

  private static String topics(Field field) {
    if (field.carriedByEveryTopic()) return "every topic";
    return field.topics().stream().map(t -> code(t.name())).collect(Collectors.joining(", "));
  }

  private static String placed(FormDefinition form, boolean editable) {
    return form.fields().stream().filter(f -> f.editable() == editable).map(f -> code(f.key()))
        .collect(Collectors.joining(", "));
  }

  private static String keys(List<Field> fields) {
    return fields.stream().map(f -> code(f.key())).collect(Collectors.joining(", "));
  }

  private static String code(String text) {
    return "`" + text + "`";
  }

  private static void row(StringBuilder md, String... cells) {
    md.append("| ").append(Arrays.stream(cells).map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ")))
        .append(" |\n");
  }
}
