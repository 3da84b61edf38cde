package co.edu.idep.mesa.accounts.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A person's given names and surnames, as the directory keeps them (givenName, sn, and the two
 * together as cn and displayName). Values are kept as written, only trimmed, with runs of spaces and
 * control characters made one space: escaping is the LDAP SDK's business, not this record's.
 *
 * @param givenNames "María Fernanda"
 * @param surnames "Pérez Ñáñez"; empty for someone with one name only
 */
public record PersonName(String givenNames, String surnames) {

  /** Words that belong to the word after them: "de la Torre" is one surname. */
  private static final Set<String> PARTICLES =
      Set.of("de", "del", "la", "las", "los", "y", "da", "das", "do", "dos", "di", "van", "von", "der", "den");

  public PersonName {
    givenNames = clean(givenNames);
    surnames = clean(surnames);
    if (givenNames.isEmpty()) {
      throw new IllegalArgumentException("El nombre de la persona es obligatorio.");
    }
  }

  /**
   * Splits "Nombres y apellidos" as the form asks for them, Colombian style: the last two words are
   * the surnames ("Juan Pérez Gómez": Juan / Pérez Gómez), one of two words is the surname, and
   * particles go with the word that follows ("María de los Ángeles Díaz de la Torre": María de los
   * Ángeles / Díaz de la Torre). The technician reviews the result before the account is created.
   */
  public static PersonName parse(String fullName) {
    List<String> words = groups(clean(fullName));
    if (words.isEmpty()) throw new IllegalArgumentException("El nombre de la persona es obligatorio.");
    int given = words.size() <= 3 ? 1 : words.size() - 2;
    return new PersonName(String.join(" ", words.subList(0, given)),
        String.join(" ", words.subList(given, words.size())));
  }

  /** cn and displayName. */
  public String displayName() {
    return surnames.isEmpty() ? givenNames : givenNames + " " + surnames;
  }

  /** sn, which the person object class requires: the given names for someone with one name only. */
  public String surnameOrName() {
    return surnames.isEmpty() ? givenNames : surnames;
  }

  /** The first given name, "de la Torre" style groups kept whole, for the login name. */
  String firstGivenName() {
    return groups(givenNames).get(0);
  }

  /** The first surname, particles included; empty for someone with one name only. */
  String firstSurname() {
    List<String> words = groups(surnames);
    return words.isEmpty() ? "" : words.get(0);
  }

  /** Words, with each particle joined to the word after it. */
  private static List<String> groups(String text) {
    List<String> groups = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String word : text.isEmpty() ? new String[0] : text.split(" ")) {
      pending.append(pending.isEmpty() ? "" : " ").append(word);
      if (!PARTICLES.contains(word.toLowerCase(Locale.ROOT))) {
        groups.add(pending.toString());
        pending.setLength(0);
      }
    }
    if (!pending.isEmpty()) groups.add(pending.toString());
    return groups;
  }

  private static String clean(String value) {
    if (value == null) return "";
    return value.replaceAll("[\\p{Cntrl}\\p{Z}\\s]+", " ").strip();
  }
}
