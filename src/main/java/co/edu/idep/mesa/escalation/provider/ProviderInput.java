package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.validation.InputReader;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A provider as a JSON body of {@code /api/providers} writes it. Every value that breaks a rule is
 * rejected on the reader, with a Spanish message naming the field, and comes back null. A null
 * {@code active} was not given: a new provider is active, an existing one keeps its own.
 */
record ProviderInput(String code, String name, ProviderKind kind, String contactEmail, String services,
    Set<Topic> topics, ProviderChannel channel, Boolean active) {

  // The keys of the JSON body.
  static final String CODE = "code";
  static final String NAME = "name";
  static final String KIND = "kind";
  static final String CONTACT_EMAIL = "contactEmail";
  static final String SERVICES = "services";
  static final String TOPICS = "topics";
  static final String CHANNEL = "channel";
  static final String ACTIVE = "active";

  /** The column lengths of V10__providers.sql. */
  static final int CODE_MAX = 40;
  static final int NAME_MAX = 150;
  static final int CONTACT_EMAIL_MAX = 120;
  static final int SERVICES_MAX = 500;

  private static final Pattern CODE_FORMAT = Pattern.compile(Provider.CODE_PATTERN);
  /** The address rule of the escalation form's provider e-mail (ticket/field/Fields.PROVIDER_EMAIL). */
  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /**
   * Reads a body. {@code pathCode} is the code of the URL of an update (the body's, if any, must
   * agree: a code is never renamed, the escalations' records name it), null for a new provider.
   */
  static ProviderInput read(InputReader in, String pathCode) {
    String code = pathCode != null ? Provider.normalCode(pathCode) : code(in);
    if (pathCode != null && !in.isBlank(CODE)) {
      if (!(in.raw(CODE) instanceof String typed) || !Provider.normalCode(typed).equals(code)) {
        in.reject(CODE, "El código de un proveedor no se cambia: registre el proveedor con el código correcto y"
            + " desactive el anterior («active»: false).");
      }
    }
    String name = in.text(NAME, "Nombre", true, NAME_MAX);
    ProviderKind kind = kind(in);
    String contactEmail = in.matching(CONTACT_EMAIL, "Correo de contacto", true, CONTACT_EMAIL_MAX, EMAIL,
        "no es una dirección de correo válida.");
    String services = in.text(SERVICES, "Servicios que cubre", false, SERVICES_MAX);
    Set<Topic> topics = topics(in);
    ProviderChannel channel = channel(in);
    Boolean active = in.bool(ACTIVE, "Activo", false);
    return new ProviderInput(code, name, kind, contactEmail, services, topics, channel, active);
  }

  private static String code(InputReader in) {
    String typed = in.text(CODE, "Código", true, CODE_MAX);
    if (typed == null) return null;
    String code = Provider.normalCode(typed);
    if (!CODE_FORMAT.matcher(code).matches()) {
      in.reject(CODE, "El campo «Código» admite de 2 a " + CODE_MAX + " letras sin tilde, números, guiones y guiones"
          + " bajos, sin espacios (por ejemplo MANTENIMIENTO o CPS-WEB).");
      return null;
    }
    return code;
  }

  private static ProviderKind kind(InputReader in) {
    if (in.isBlank(KIND)) {
      in.reject(KIND, "Seleccione un valor para «Tipo»: " + ProviderKind.choices() + ".");
      return null;
    }
    Optional<ProviderKind> kind = in.raw(KIND) instanceof String s ? ProviderKind.fromCode(s) : Optional.empty();
    if (kind.isEmpty()) in.reject(KIND, "El valor de «Tipo» no es válido: use " + ProviderKind.choices() + ".");
    return kind.orElse(null);
  }

  private static ProviderChannel channel(InputReader in) {
    String choices = "EMAIL (" + ProviderChannel.EMAIL.label() + ") u OSTICKET (" + ProviderChannel.OSTICKET.label() + ")";
    if (in.isBlank(CHANNEL)) {
      in.reject(CHANNEL, "Seleccione un valor para «Canal»: " + choices + ".");
      return null;
    }
    Optional<ProviderChannel> channel =
        in.raw(CHANNEL) instanceof String s ? ProviderChannel.fromCode(s) : Optional.empty();
    if (channel.isEmpty()) in.reject(CHANNEL, "El valor de «Canal» no es válido: use " + choices + ".");
    return channel.orElse(null);
  }

  /** Topic codes as a JSON array or comma-separated text; at least one, each a help topic's code. */
  private static Set<Topic> topics(InputReader in) {
    int before = in.violations().size();
    List<String> items = in.list(TOPICS, "Temas de ayuda", true);
    if (in.violations().size() > before) return null;
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    for (String item : items) {
      Optional<Topic> topic = Topic.fromCode(item == null ? null : item.strip().toUpperCase(Locale.ROOT));
      if (topic.isEmpty()) {
        // The value itself stays out of the message: it may be anything.
        in.reject(TOPICS, "«Temas de ayuda» tiene un código que no es de ningún tema; use los códigos "
            + Arrays.stream(Topic.values()).map(Topic::name).collect(Collectors.joining(", ")) + ".");
        return null;
      }
      topics.add(topic.get());
    }
    return topics;
  }
}
