package co.edu.idep.mesa.accounts.directory;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the directory needs of an account request (step 4): who, the two second factors of the
 * institutional mail, and the accesses. Values are trimmed; the ones that go into the directory as
 * they are must have a sane shape, whatever the form checked.
 *
 * @param document the identification, the key that tells whether the person has an account
 * @param name given names and surnames
 * @param alternateEmail an address outside the institute
 * @param mobilePhone a Colombian mobile, kept as {@code +57 3001234567}
 * @param accesses at least one of RED, VPN, CORREO
 */
public record AccountRequest(IdentityDocument document, PersonName name, String alternateEmail, String mobilePhone,
    Set<Access> accesses) {

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern MOBILE = Pattern.compile("3\\d{9}");

  public AccountRequest {
    if (document == null || name == null) throw new IllegalArgumentException("Faltan la identificación o el nombre.");
    alternateEmail = alternateEmail == null ? "" : alternateEmail.strip();
    if (!EMAIL.matcher(alternateEmail).matches() || alternateEmail.length() > 120) {
      throw new IllegalArgumentException("El correo alterno no es una dirección de correo válida.");
    }
    mobilePhone = mobile(mobilePhone);
    if (accesses == null || accesses.isEmpty()) {
      throw new IllegalArgumentException("La solicitud debe pedir al menos un acceso: RED, VPN o CORREO.");
    }
    accesses = Collections.unmodifiableSet(EnumSet.copyOf(accesses));
  }

  /** From the fields of the ticket, as the form names them. */
  public static AccountRequest of(String fullName, String idType, String idNumber, String alternateEmail,
      String mobilePhone, Collection<String> accesses) {
    EnumSet<Access> wanted = EnumSet.noneOf(Access.class);
    if (accesses != null) accesses.forEach(code -> wanted.add(Access.of(code)));
    return new AccountRequest(new IdentityDocument(idType, idNumber), PersonName.parse(fullName), alternateEmail,
        mobilePhone, wanted);
  }

  /** "300 123 4567", "(300) 123-4567", "+57 3001234567" → "+57 3001234567". */
  private static String mobile(String value) {
    String digits = value == null ? "" : value.replaceAll("[\\s()-]", "");
    if (digits.startsWith("+57")) digits = digits.substring(3);
    if (!MOBILE.matcher(digits).matches()) {
      throw new IllegalArgumentException(
          "El celular debe ser un número móvil colombiano de 10 dígitos que empiece por 3.");
    }
    return "+57 " + digits;
  }

  /** Never the personal data itself (Ley 1581 de 2012): this may end in a log. */
  @Override
  public String toString() {
    return "AccountRequest[" + document + ", accesses=" + accesses + "]";
  }
}
