package co.edu.idep.mesa.accounts.directory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Temporary passwords for the hand-over of PO-GT-12-01: 16 characters from SecureRandom, at least
 * one upper-case letter, lower-case letter, digit and symbol (any directory's complexity rule), from
 * an alphabet without look-alikes (no I, l, 1, O, o, 0) since the technician reads it to the person
 * or writes it down. Active Directory also refuses a password that contains three or more letters
 * of the account's name in a row, so those are avoided too.
 */
@Component
public class TemporaryPasswords {

  static final int LENGTH = 16;
  static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  static final String DIGITS = "23456789";
  static final String SYMBOLS = "!#$%&*+-=?@_";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
  private static final int SHORTEST_NAME_PART = 3;

  private final SecureRandom random;

  public TemporaryPasswords() {
    this(new SecureRandom());
  }

  TemporaryPasswords(SecureRandom random) {
    this.random = random;
  }

  /** A new password that contains none of {@code nameParts} (ignoring case) of 3 letters or more. */
  public String generate(Collection<String> nameParts) {
    while (true) {
      String password = generate();
      if (nameParts.stream().noneMatch(part -> contains(password, part))) return password;
    }
  }

  String generate() {
    List<Character> chars = new ArrayList<>(LENGTH);
    for (String set : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) chars.add(pick(set));
    while (chars.size() < LENGTH) chars.add(pick(ALL));
    Collections.shuffle(chars, random);
    StringBuilder password = new StringBuilder(LENGTH);
    chars.forEach(password::append);
    return password.toString();
  }

  private char pick(String set) {
    return set.charAt(random.nextInt(set.length()));
  }

  private static boolean contains(String password, String part) {
    if (part == null || part.length() < SHORTEST_NAME_PART) return false;
    String lower = password.toLowerCase(Locale.ROOT);
    String name = part.toLowerCase(Locale.ROOT);
    for (int i = 0; i + SHORTEST_NAME_PART <= name.length(); i++) {
      if (lower.contains(name.substring(i, i + SHORTEST_NAME_PART))) return true;
    }
    return false;
  }
}
