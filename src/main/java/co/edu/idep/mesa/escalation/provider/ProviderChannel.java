package co.edu.idep.mesa.escalation.provider;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an escalation reaches a provider: a dossier by e-mail, or a ticket opened on its osTicket. */
public enum ProviderChannel {
  EMAIL("Correo electrónico"),
  OSTICKET("API de osTicket");

  private final String label;

  ProviderChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The channel of a code as typed: spaces around it and lower case are forgiven ("email" = EMAIL). */
  public static Optional<ProviderChannel> fromCode(String text) {
    if (text == null) return Optional.empty();
    String code = text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
  }
}
