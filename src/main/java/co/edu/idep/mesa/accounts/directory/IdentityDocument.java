package co.edu.idep.mesa.accounts.directory;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person's identification document, as the directory keeps it: the number alone, without dots
 * and spaces, in capitals. The type is checked but not stored: a Colombian tarjeta de identidad and
 * the cédula that follows it carry the same number (NUIP), so they are the same person. Checked
 * again here, whatever the form checked, because this number goes into an LDAP filter.
 */
public record IdentityDocument(String type, String number) {

  static final Set<String> TYPES = Set.of("CC", "CE", "TI", "PA", "PPT");
  private static final Set<String> NUMERIC = Set.of("CC", "CE", "TI");
  private static final Pattern DIGITS = Pattern.compile("\\d{5,10}");
  private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("[A-Z0-9]{5,15}");

  public IdentityDocument {
    type = type == null ? null : type.strip().toUpperCase(Locale.ROOT);
    if (type == null || !TYPES.contains(type)) {
      throw new IllegalArgumentException("El tipo de identificación debe ser CC, CE, TI, PA o PPT.");
    }
    number = number == null ? "" : number.replace(".", "").replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    if (NUMERIC.contains(type) && !DIGITS.matcher(number).matches()) {
      throw new IllegalArgumentException("El número de identificación debe tener entre 5 y 10 dígitos, sin letras.");
    }
    if (!LETTERS_AND_DIGITS.matcher(number).matches()) {
      throw new IllegalArgumentException("El número de identificación debe tener entre 5 y 15 letras o dígitos.");
    }
  }

  /** Never the number itself: it is personal data (Ley 1581 de 2012) and this may end in a log. */
  @Override
  public String toString() {
    return type + " ****";
  }
}
