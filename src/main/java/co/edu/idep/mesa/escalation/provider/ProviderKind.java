package co.edu.idep.mesa.escalation.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an outside provider does for the Institute. */
public enum ProviderKind {
  MANTENIMIENTO("Mantenimiento de infraestructura"),
  SOFTWARE("Proveedor de software"),
  WEB("Proveedor web");

  private final String label;

  ProviderKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The kind of a code as typed: spaces around it and lower case are forgiven ("web" = WEB). */
  public static Optional<ProviderKind> fromCode(String text) {
    if (text == null) return Optional.empty();
    String code = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.name().equals(code)).findFirst();
  }

  /** "MANTENIMIENTO (Mantenimiento de infraestructura), SOFTWARE (…) o WEB (…)", for the messages. */
  static String choices() {
    String all = Arrays.stream(values()).map(k -> k.name() + " (" + k.label + ")").collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " o " + all.substring(last + 2);
  }
}
