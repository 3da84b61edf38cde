package co.edu.idep.mesa.ticket.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A Camunda Form of {@code forms/} as form-js reads it: its keyed components, in order. */
record FormFile(String fileName, String id, List<Component> components) {

  static final Path FORMS = Path.of("forms");
  private static final ObjectMapper JSON = new ObjectMapper();
  // The options a FEEL valuesExpression lists: [{label: "…", value: "…"}, …]
  private static final Pattern FEEL_OPTION = Pattern.compile("\\{label: \"([^\"]*)\", value: \"([^\"]*)\"}");

  static List<FormFile> all() {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(p -> p.toString().endsWith(".form")).sorted().map(FormFile::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormFile read(String id) {
    return read(FORMS.resolve(id + ".form"));
  }

  static FormFile read(Path path) {
    try {
      JsonNode form = JSON.readTree(path.toFile());
      List<Component> components = new ArrayList<>();
      collect(form.path("components"), List.of(), components);
      String name = path.getFileName().toString();
      return new FormFile(name.substring(0, name.length() - ".form".length()), form.path("id").asText(), components);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(JsonNode nodes, List<String> hiddenWhen, List<Component> into) {
    for (JsonNode node : nodes) {
      List<String> conditions = new ArrayList<>(hiddenWhen);
      if (node.path("conditional").has("hide")) conditions.add(node.path("conditional").path("hide").asText());
      if (node.has("key")) into.add(new Component(node, List.copyOf(conditions)));
      if (node.has("components")) collect(node.path("components"), conditions, into);
    }
  }

  Optional<Component> component(String key) {
    return components.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /** One keyed component, with the FEEL conditions that hide it (its own and its groups'). */
  record Component(JsonNode json, List<String> hiddenWhen) {

    String key() {
      return json.path("key").asText();
    }

    String type() {
      return json.path("type").asText();
    }

    /** Date fields carry their label as {@code dateLabel}. */
    String label() {
      return json.has("dateLabel") ? json.path("dateLabel").asText() : json.path("label").asText(null);
    }

    boolean readOnly() {
      return json.path("readonly").asBoolean(false);
    }

    JsonNode validate() {
      return json.path("validate");
    }

    boolean required() {
      return validate().path("required").asBoolean(false);
    }

    Integer intRule(String name) {
      return validate().has(name) ? validate().path(name).asInt() : null;
    }

    String pattern() {
      return validate().has("pattern") ? validate().path("pattern").asText() : null;
    }

    /** The options the widget offers: static values, or those its FEEL expression lists. */
    List<Option> options() {
      List<Option> options = new ArrayList<>();
      if (json.has("values")) {
        json.path("values").forEach(v -> options.add(new Option(v.path("value").asText(), v.path("label").asText())));
      } else if (json.has("valuesExpression")) {
        Matcher m = FEEL_OPTION.matcher(json.path("valuesExpression").asText());
        while (m.find()) options.add(new Option(m.group(2), m.group(1)));
      }
      return options;
    }

    List<JsonNode> optionValues() {
      List<JsonNode> values = new ArrayList<>();
      json.path("values").forEach(v -> values.add(v.path("value")));
      return values;
    }

    /** A valuesExpression filtered with {@code [item.value != topic]} leaves out the ticket's topic. */
    boolean omitsCurrentTopic() {
      return json.path("valuesExpression").asText("").replace(" ", "").endsWith("[item.value!=topic]");
    }
  }
}
