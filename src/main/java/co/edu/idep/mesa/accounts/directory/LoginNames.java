package co.edu.idep.mesa.accounts.directory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Login names from people's names: the first given name, a dot and the first surname, in lower
 * case, accents and ñ folded, nothing but [a-z0-9.] ("María José Ñáñez Pérez" → maria.nanez). The
 * second person with the same name gets a 2, the third a 3 ("juan.perez2"). At most 20 characters,
 * the limit of Active Directory's sAMAccountName: the name part is shortened so that the number fits.
 */
final class LoginNames {

  static final int MAX_LENGTH = 20;
  /** Letters that Unicode does not decompose into a base letter and a mark. */
  private static final Map<String, String> LIGATURES = Map.of("ß", "ss", "æ", "ae", "œ", "oe", "ø", "o",
      "đ", "d", "ð", "d", "ł", "l", "þ", "th", "ı", "i");

  private LoginNames() {}

  /** The login name without a number: "juan.perez". */
  static String base(PersonName name) {
    String given = fold(name.firstGivenName());
    String surname = fold(name.firstSurname());
    if (given.isEmpty() && surname.isEmpty()) {
      throw new IllegalArgumentException("El nombre de la persona no tiene letras con las que formar el usuario.");
    }
    if (given.isEmpty() || surname.isEmpty()) return given.isEmpty() ? surname : given;
    return given + "." + surname;
  }

  /** The n-th choice: the base itself for 1, then base2, base3, ..., within {@link #MAX_LENGTH}. */
  static String candidate(String base, int n) {
    String suffix = n <= 1 ? "" : Integer.toString(n);
    String name = base.length() + suffix.length() > MAX_LENGTH
        ? base.substring(0, MAX_LENGTH - suffix.length())
        : base;
    // A cut may leave the dot last ("maximiliano." + "2" would read oddly).
    while (name.endsWith(".")) name = name.substring(0, name.length() - 1);
    return name + suffix;
  }

  /** Lower case, marks removed (á → a, ñ → n, ü → u), then only [a-z0-9]: spaces, hyphens, apostrophes go. */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder plain = new StringBuilder();
    for (String letter : lower.split("")) plain.append(LIGATURES.getOrDefault(letter, letter));
    return Normalizer.normalize(plain, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[^a-z0-9]", "");
  }
}
