package co.edu.idep.mesa.ticket.field;

import static co.edu.idep.mesa.ticket.field.Fields.ID_NUMBER;

import co.edu.idep.mesa.validation.InputReader;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rule of {@link Fields#ID_NUMBER} that depends on the document type. */
public final class IdentificationNumber {

  private static final Set<String> NUMERIC_DOCUMENTS = Set.of("CC", "CE", "TI");
  private static final Pattern DIGITS = Pattern.compile("\\d{5,10}");

  private IdentificationNumber() {}

  /** Stored without dots and spaces, in capitals; cédulas and tarjetas de identidad have digits only. */
  public static String read(InputReader in, String idType) {
    String value = ID_NUMBER.text(in);
    if (value == null || idType == null) return null;
    String normalized = value.replace(".", "").replace(" ", "").toUpperCase(Locale.ROOT);
    if (NUMERIC_DOCUMENTS.contains(idType) && !DIGITS.matcher(normalized).matches()) {
      in.reject(ID_NUMBER.key(), "El número de identificación debe tener entre 5 y 10 dígitos, sin letras.");
      return null;
    }
    return normalized;
  }
}
