package co.edu.idep.mesa.inventory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Matches what people type against an enum's codes and Spanish labels. */
final class Codes {

  private Codes() {}

  static <E extends Enum<E>> Optional<E> find(E[] values, String text, Function<E, String> label) {
    if (text == null || text.isBlank()) return Optional.empty();
    String wanted = fold(text);
    for (E value : values) {
      if (fold(value.name()).equals(wanted) || fold(label.apply(value)).equals(wanted)) return Optional.of(value);
    }
    return Optional.empty();
  }

  /** Without accents, in capitals, spaces, hyphens and underscores alike: "En mantenimiento" = EN_MANTENIMIENTO. */
  static String fold(String text) {
    String plain = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
  }
}
