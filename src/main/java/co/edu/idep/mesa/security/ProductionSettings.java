package co.edu.idep.mesa.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;

/** What the prod checks ask of the configuration, the same way in each of them. */
public final class ProductionSettings {

  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

  private ProductionSettings() {}

  /** The property's value; null when it is missing or names an environment variable that is not set. */
  public static String resolved(ConfigurableEnvironment env, String property) {
    try {
      return env.getProperty(property);
    } catch (IllegalArgumentException unresolved) {
      return null;
    }
  }

  public static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** This very machine: where an unencrypted connection crosses no network. */
  public static boolean loopback(String host) {
    return host != null && LOOPBACK.contains(host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", ""));
  }
}
