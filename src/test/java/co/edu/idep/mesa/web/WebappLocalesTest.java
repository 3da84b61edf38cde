package co.edu.idep.mesa.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spanish locale files of the Camunda webapps ({@code src/main/resources/META-INF/resources/
 * webjars/camunda/app/<app>/locales/es.json}) against the English ones in the Camunda webjar on
 * the classpath, and each app's {@code scripts/config.js} offering Spanish first. A Camunda upgrade
 * that adds, removes or rewords labels makes this test fail until es.json follows.
 *
 * <p>Plain unit test: no Spring context. Cockpit's translation is written separately: until its
 * es.json and the 'es' in its config.js are in the project, the cockpit cases fail.
 */
class WebappLocalesTest {

  private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";

  /**
   * Values that may read the same in Spanish and in English, and nothing else: product names
   * (Camunda and its apps), technical identifiers and symbols, words spelled the same in both
   * languages, and moment.js format tokens of {@code dateLocales} that Colombian Spanish shares
   * with the English file ({@code L}, {@code DD/MM/YYYY}, {@code HH:mm}). {@code ""} is Tasklist's
   * empty NO_TASK_FORM. Compared after trimming. Add to it only a value that truly is Spanish too.
   */
  static final Set<String> SAME_IN_BOTH = Set.of(
      // product names
      "Camunda", "Cockpit", "Tasklist", "Admin", "Optimize",
      // technical identifiers and symbols
      "ID", "ID*", "OK", "GLOBAL", "BPMN", "DMN", "JSON", "CSV", "<null>", "<", "<=", ">", ">=", "",
      "null", "requestPayload", "Variable / {{variableName}}",
      // Cockpit's plural suffix after "instancia"
      "s",
      // the same word in Spanish
      "Color", "General", "Variable", "Variables", "Variables:", "Error",
      // moment.js formats
      "L", "DD/MM/YYYY", "HH:mm");

  /** What must survive translation unchanged: interpolations, printf and moment placeholders, HTML markup, entities. */
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{[^}]*}}|%[sd]|</?(?:a|strong|b|i|em|br|span|code)\\b[^>]*>|&[a-z]+;");

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void spanishHasExactlyTheEnglishKeys(String app) throws IOException {
    Map<String, JsonNode> english = leaves(english(app));
    Map<String, JsonNode> spanish = leaves(spanish(app));

    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(spanish.keySet());
    Set<String> extra = new TreeSet<>(spanish.keySet());
    extra.removeAll(english.keySet());
    assertThat(missing).as("keys of %s/locales/en.json missing in es.json", app).isEmpty();
    assertThat(extra).as("keys of %s/locales/es.json that en.json does not have", app).isEmpty();
    for (var entry : english.entrySet()) {
      assertThat(spanish.get(entry.getKey()).getNodeType()).as("JSON type of %s in %s", entry.getKey(), app)
          .isEqualTo(entry.getValue().getNodeType());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void spanishKeepsEveryPlaceholder(String app) throws IOException {
    Map<String, JsonNode> spanish = leaves(spanish(app));
    List<String> lost = new ArrayList<>();
    leaves(english(app)).forEach((key, value) -> {
      JsonNode translated = spanish.get(key);
      if (!value.isTextual() || translated == null || !translated.isTextual()) return;
      Matcher placeholder = PLACEHOLDER.matcher(value.asText());
      while (placeholder.find()) {
        if (!translated.asText().contains(placeholder.group())) {
          lost.add(key + ": " + placeholder.group() + " missing in «" + translated.asText() + "»");
        }
      }
    });
    assertThat(lost).as("placeholders of %s/locales/en.json lost in es.json", app).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void nothingIsLeftInEnglish(String app) throws IOException {
    Map<String, JsonNode> spanish = leaves(spanish(app));
    Map<String, String> untranslated = new LinkedHashMap<>();
    leaves(english(app)).forEach((key, value) -> {
      JsonNode translated = spanish.get(key);
      if (value.isTextual() && translated != null && translated.isTextual()
          && translated.asText().equals(value.asText()) && !SAME_IN_BOTH.contains(value.asText().strip())) {
        untranslated.put(key, value.asText());
      }
    });
    assertThat(untranslated).as("values of %s/locales/es.json still equal to English (not in SAME_IN_BOTH)", app)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tasklist", "welcome", "admin", "cockpit"})
  void configOffersSpanishFirst(String app) throws IOException {
    String config = projectResource(WEBAPPS + app + "/scripts/config.js");
    String code = config.lines().filter(line -> !line.strip().startsWith("//")).collect(Collectors.joining("\n"));
    Matcher locales = Pattern.compile("availableLocales\\s*:\\s*\\[([^\\]]*)]").matcher(code);
    assertThat(locales.find()).as("%s/scripts/config.js sets locales.availableLocales", app).isTrue();
    List<String> available = Pattern.compile("['\"]([^'\"]+)['\"]").matcher(locales.group(1)).results()
        .map(m -> m.group(1)).toList();
    assertThat(available).as("availableLocales of %s/scripts/config.js", app).startsWith("es");
  }

  // ------------------------------------------------------------------------------ helpers

  /** The English locale of the Camunda webjar (the project has none of its own). */
  private static JsonNode english(String app) throws IOException {
    URL url = only(WEBAPPS + app + "/locales/en.json", "jar");
    try (InputStream in = url.openStream()) {
      return parse(in.readAllBytes());
    }
  }

  /** The project's Spanish locale, as built into target/classes. */
  private static JsonNode spanish(String app) throws IOException {
    return parse(projectResource(WEBAPPS + app + "/locales/es.json").getBytes(StandardCharsets.UTF_8));
  }

  /** A resource of this project (a directory on the classpath, not the webjar, which may hold the same path). */
  private static String projectResource(String path) throws IOException {
    try (InputStream in = only(path, "file").openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static URL only(String path, String protocol) throws IOException {
    List<URL> found = Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path)).stream()
        .filter(url -> url.getProtocol().equals(protocol)).toList();
    assertThat(found).as("%s on the classpath (%s)", path, protocol).hasSize(1);
    return found.get(0);
  }

  /** UTF-8 with or without a byte-order mark (Camunda's en.json files start with one). */
  private static JsonNode parse(byte[] bytes) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    return JSON.readTree(text);
  }

  /** Every leaf by path: {@code labels.CLAIM_OK}, {@code dateLocales.months[0]}. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect(root, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      for (var field : node.properties()) {
        collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) collect(node.get(i), path + "[" + i + "]", leaves);
    } else {
      leaves.put(path, node);
    }
  }
}
