package co.edu.idep.mesa.ticket.field;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.field.FormFile.Component;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A form cannot be submitted with a value the server refuses, and the server accepts every value a
 * form lets through. For every field each form lets the person edit, probe values go through the
 * form's own checks ({@link FormJs}: what form-js does with the form file's required, minLength,
 * maxLength, pattern, min, max and options — the patterns, JavaScript regular expressions, evaluated
 * with java.util.regex through {@link FormPattern}) and through the server's validation
 * ({@link ServerValidation}: the start's validator, each task's listener as the diagram wires it).
 * Both must answer alike, one field at a time, the other fields holding valid values.
 *
 * <p>The rules the server alone can check — those about the text itself (markup, control or only
 * invisible characters) and those that compare a field with another one — are listed in
 * {@link #SERVER_ONLY}: there the form lets a value through and the server refuses it, with a
 * Spanish message the person reads on submitting.
 *
 * <p>Not probed: white space other than the plain space around a value, where JavaScript's
 * {@code trim} and Java's {@code strip} differ on a few Unicode spaces.
 */
class FormServerAgreementTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneId.of("America/Bogota"));
  static final LocalDate TODAY = LocalDate.now(CLOCK);
  static final String TICKET_TOPIC = "SOPORTE_TECNICO";

  /**
   * A valid value for every field a form lets a person edit — the catalogue's examples — with the
   * answers that show the fields some forms ask for only in some cases. A probe replaces one value.
   */
  static final Map<String, Object> VALID = valid();

  /** Values worth trying beyond those every field of its type gets. */
  static final Map<String, List<Object>> PROBES = Map.ofEntries(
      entry("fullName", List.of("Jean-Luc O'Neill", "D’Alessandro", "Łukasz Żółć", "Nguyễn Văn An", "Zoë Saldaña",
          " Ana María ", "Ana María 2", ".Ana", "-Ana", "Ana_María", "Ana\tMaría", "山田太郎", "A".repeat(150),
          "A".repeat(151))),
      entry("idNumber", List.of("80.123.456", "80 123 456", " 80123456 ", "AB123456", "ab123456", "1234", "12345",
          "123456789012345", "1234567890123456", "80-123-456", "80,123,456", ".....", "1.2.3.4.5.6.7.8.9.0.1.2.3.4.5")),
      entry("contractNumber", List.of("CPS 045/2026", " 045-2026 ", "045_2026", "-045", "/045", "Nº 45",
          "A".repeat(30), "A".repeat(31))),
      entry("alternateEmail", List.of("MARIA@EXAMPLE.ORG", " maria@example.org ", "maria+mesa@example.com.co",
          "maria@example", "maria@", "@example.org", "maria perez@example.org", "maría@example.org", "a@b.c",
          "maria@idep.edu.co", "Maria@IDEP.EDU.CO", "maria@idep.edu.co ", "maria@idep.edu.co.example.org",
          "maria@sub.idep.edu.co", "maria@example.org\n", "a".repeat(108) + "@example.org",
          "a".repeat(109) + "@example.org")),
      entry("mobilePhone", List.of("3001234567", "300-123-4567", "(300) 123 4567", "+57 300 123 4567",
          "+573001234567", "(+57) 3001234567", "+57-300-123-4567", "57 3001234567", "6015551234", "300123456",
          "30012345678", "+1 3001234567", "300.123.4567", "300\t1234567", "３００１２３４５６７",
          "+57 (300) 123 - 45 67  ", "+57 (300) 123 - 45 - 67")),
      entry("assetTag", List.of("idep-1", "IDEP 123", "IDEP_1", " IDEP-1 ", "A".repeat(20), "A".repeat(21))),
      entry("webAddress", List.of("http://intranet/app?x=1", " https://www.idep.edu.co ", "www.idep.edu.co",
          "ftp://idep.edu.co", "HTTPS://WWW.IDEP.EDU.CO", "https://a b.co", "https://a\u00a0b.co",
          "https://idep.edu.co/\"x\"", "javascript:alert(1)", "https://" + "a".repeat(292),
          "https://" + "a".repeat(293))),
      entry("accountUsername", List.of("m.f_perez-2", "MFPEREZ", "mf", "mfp", ".mfperez", " mfperez ",
          "mf perez", "a".repeat(30), "a".repeat(31))),
      entry("institutionalEmail", List.of("MFPerez@idep.edu.co", "mfperez@gmail.com", " mfperez@idep.edu.co ",
          "mfperez@idep.edu.co.co", "mf.perez-2@idep.edu.co", "@idep.edu.co")),
      entry("receivedBy", List.of("María Fernanda Pérez", "Jean-Luc O'Neill", " Ana ", "Ana 2", ".Ana", "A".repeat(150),
          "A".repeat(151))),
      entry("providerReference", List.of(" ", "OST-1", "x".repeat(50), "x".repeat(51))));

  /** Other fields' values some probes need. */
  static final Map<String, Map<String, Object>> CONTEXT = Map.of(
      // A passport: its number's format alone decides; what cédulas add depends on idType (below).
      "idNumber", Map.of("idType", "PA"),
      // A contractor's approved request needs his contract's end (below): probed for a staff member's.
      "contractEnd", Map.of("linkType", "FUNCIONARIO"),
      // A returned request must say why: probed on an approved one (the rule is below).
      "accountReturnReason", Map.of("accountApproved", true),
      // The note is required with a damaged or incomplete asset (below): probed on a good return.
      "returnNote", Map.of("returnedDamaged", List.of(), "returnedIncomplete", List.of()));

  /** A rule only the server checks: a value the form lets through and the server refuses. */
  record ServerOnly(String form, String key, Object value, Map<String, Object> others, String rule) {}

  static final List<ServerOnly> SERVER_ONLY = List.of(
      new ServerOnly("abrir-ticket", "subject", "<b>urgente</b>", Map.of(),
          "text is plain text: no markup (a pattern for it would show the person a raw regular expression)"),
      new ServerOnly("abrir-ticket", "description", "Falla\u0007", Map.of(), "text holds no control characters"),
      new ServerOnly("abrir-ticket", "subject", "\u200b\u200b", Map.of(),
          "text made only of invisible characters is blank"),
      new ServerOnly("abrir-ticket", "idNumber", "AB12345", Map.of("idType", "CC"),
          "cédulas and tarjetas de identidad have digits only: the rule depends on idType"),
      new ServerOnly("abrir-ticket", "idNumber", "12345678901", Map.of("idType", "CC"),
          "cédulas and tarjetas de identidad have 5 to 10 digits: the rule depends on idType"),
      new ServerOnly("abrir-ticket", "loanEnd", TODAY.toString(), Map.of(), "the loan ends no earlier than it starts"),
      new ServerOnly("alistar-equipos", "loanEnd", TODAY.minusDays(1).toString(), Map.of(),
          "the loan ends no earlier than it starts"),
      new ServerOnly("revisar-solicitud-cuenta", "accountReturnReason", null, Map.of("accountApproved", false),
          "a returned request says why"),
      new ServerOnly("revisar-solicitud-cuenta", "contractEnd", null,
          Map.of("linkType", "CONTRATISTA", "accountApproved", true), "a contractor's account needs his contract's end"),
      new ServerOnly("revisar-solicitud-cuenta", "contractEnd", TODAY.minusDays(1).toString(),
          Map.of("linkType", "CONTRATISTA", "accountApproved", true), "an ended contract gets no account"),
      new ServerOnly("entregar-credenciales", "credentialsSignedOn", TODAY.plusDays(1).toString(), Map.of(),
          "the policy is not signed in the future"),
      new ServerOnly("alistar-equipos", "chosenAssets", List.of("IDEP-C-001"), Map.of("quantity", 2L),
          "as many assets as the quantity"),
      new ServerOnly("registrar-devolucion", "returnedDamaged", List.of("IDEP-C-001"), Map.of(),
          "an asset comes back in one condition: it is in one list only"),
      new ServerOnly("registrar-devolucion", "returnNote", null, Map.of(),
          "a damaged or incomplete asset needs the note"),
      new ServerOnly("verificar-solucion", "verificationComment", null, Map.of("satisfied", false),
          "an unsatisfied requester says why"));

  private final ServerValidation server = new ServerValidation(CLOCK);

  private static Map<String, Object> valid() {
    Map<String, Object> values = new HashMap<>();
    FieldCatalogue.fields().stream().filter(f -> f.example() != null).forEach(f -> values.put(f.key(), f.example()));
    values.putAll(Map.of("topic", TICKET_TOPIC, "linkType", "CONTRATISTA", "leavesInstitute", true,
        "topicMatches", false, "canResolve", false, "satisfied", true, "reportApproved", false));
    // What the tasks with offered options put in their variables (OfferAssetsListener, StartLoanDelegate).
    Object offered = org.camunda.spin.Spin.JSON(FormJs.OFFERED.stream().map(tag -> Map.of("value", tag, "label", tag)).toList());
    values.put("assetOptions", offered);
    values.put("outstandingAssets", offered);
    return Map.copyOf(values);
  }

  static Stream<FormDefinition> forms() {
    return FieldCatalogue.forms().stream().filter(form -> !form.editableKeys().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void theFormAndTheServerAcceptTheSameValues(FormDefinition form) {
    FormFile file = FormFile.read(form.id());
    List<String> disagreements = new ArrayList<>();
    for (FormField editable : form.fields().stream().filter(FormField::editable).toList()) {
      Component component = file.component(editable.key()).orElseThrow();
      Map<String, Object> valid = submission(form, editable.field());
      assertThat(server.refused(form.id(), valid)).as("%s: the valid submission", form.id()).isEmpty();
      valid.putAll(CONTEXT.getOrDefault(editable.key(), Map.of()));
      int accepted = 0;
      for (Object probe : probes(editable.field())) {
        boolean byForm = FormJs.accepts(component, probe, (String) valid.get("topic"), TODAY);
        boolean byServer = !server.refused(form.id(), with(valid, editable.key(), probe)).contains(editable.key());
        if (byForm != byServer) {
          disagreements.add(editable.key() + " = " + show(probe) + ": the form " + (byForm ? "accepts" : "refuses")
              + " it, the server " + (byServer ? "accepts" : "refuses") + " it");
        }
        if (byServer) accepted++;
      }
      assertThat(accepted).as("%s: probes the server accepts", editable.key()).isPositive();
    }
    assertThat(disagreements).as("form %s and the server disagree", form.id()).isEmpty();
  }

  @Test
  void theRulesOnlyTheServerChecksAreTheseAndTheServerChecksThem() {
    List<String> problems = new ArrayList<>();
    for (ServerOnly gap : SERVER_ONLY) {
      FormDefinition form = FieldCatalogue.form(gap.form()).orElseThrow();
      String key = gap.key();
      Map<String, Object> valid = submission(form, form.field(key).orElseThrow().field());
      valid.putAll(gap.others());
      Component component = FormFile.read(form.id()).component(key).orElseThrow();
      boolean byForm = FormJs.accepts(component, gap.value(), (String) valid.get("topic"), TODAY);
      boolean byServer = !server.refused(form.id(), with(valid, key, gap.value())).contains(key);
      if (!byForm || byServer) {
        problems.add(form.id() + " " + key + " = " + show(gap.value()) + " (" + gap.rule() + "): the form "
            + (byForm ? "accepts" : "refuses") + " it, the server " + (byServer ? "accepts" : "refuses")
            + " it — if both refuse it now, move it to the probes");
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Every editable field valid; the ticket's topic is the field's own topic on the start form. */
  private static Map<String, Object> submission(FormDefinition form, Field probed) {
    Map<String, Object> values = new HashMap<>(VALID);
    values.put("ticketCode", "MDS-2026-000001");
    String topic = form.id().equals("abrir-ticket")
        ? probed.topics().stream().findFirst().map(Topic::name).orElseThrow()
        : switch (form.id()) {
          case "revisar-solicitud-cuenta", "corregir-solicitud-cuenta", "entregar-credenciales" -> "CUENTA_USUARIO";
          case "alistar-equipos", "entregar-equipos" -> "PRESTAMO_COMPUTO";
          default -> TICKET_TOPIC;
        };
    values.put("topic", topic);
    return values;
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> probe = new HashMap<>(values);
    if (value == null) probe.remove(key);
    else probe.put(key, value);
    return probe;
  }

  /** What every field of its type is tried with: nothing, blanks, the limits, each option and a wrong one. */
  private static List<Object> probes(Field field) {
    List<Object> probes = new ArrayList<>(Arrays.asList(null, ""));
    switch (field.type()) {
      case TEXT, LONG_TEXT -> {
        probes.add("   ");
        if (field.pattern() == null) {
          probes.addAll(List.of("Texto de prueba", "  con espacios alrededor  ", "Sí: 100 % (ok) — «listo»; a < b"));
          if (field.maxLength() != null) {
            int max = field.maxLength();
            probes.addAll(List.of("x".repeat(max), "x".repeat(max) + "   ", "x".repeat(max + 1)));
          }
        }
      }
      case CHOICE -> {
        probes.addAll(field.codes());
        probes.addAll(List.of("OTRO", field.codes().get(0).toLowerCase()));
      }
      case MULTI_CHOICE -> {
        probes.remove("");
        probes.add(List.of());
        field.codes().forEach(code -> probes.add(List.of(code)));
        // Options offered by the task: the valid choice, each offer, and one never offered.
        if (field.optionsKey() != null) probes.add(field.example());
        probes.addAll(List.of(field.codes(), List.of("OTRO")));
      }
      case BOOLEAN, CONFIRMATION -> {
        probes.remove("");
        probes.addAll(List.of(true, false));
      }
      case INTEGER -> {
        probes.remove("");
        probes.addAll(List.of(field.min() - 1, field.min(), field.max(), field.max() + 1, 1.5));
      }
      case DATE -> {
        LocalDate example = LocalDate.parse((String) field.example());
        probes.addAll(List.of(example.toString(), example.plusDays(30).toString()));
      }
    }
    if (field.key().equals("loanStart")) {
      probes.addAll(List.of(TODAY.minusDays(1).toString(), TODAY.toString(), TODAY.plusDays(1).toString()));
    }
    probes.addAll(PROBES.getOrDefault(field.key(), List.of()));
    return probes;
  }

  private static String show(Object value) {
    if (!(value instanceof String s)) return String.valueOf(value);
    StringBuilder shown = new StringBuilder("\"");
    s.codePoints().forEach(c -> shown.append(Character.isISOControl(c) || c == 0xa0
        || Character.getType(c) == Character.FORMAT ? String.format("\\u%04x", c) : Character.toString(c)));
    return (shown.length() > 60 ? shown.substring(0, 40) + "…(" + s.length() + " chars)" : shown) + "\"";
  }
}
