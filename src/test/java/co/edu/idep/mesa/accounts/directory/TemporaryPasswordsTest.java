package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Temporary passwords: long, of every character class, unambiguous, never the same, free of the name. */
class TemporaryPasswordsTest {

  private final TemporaryPasswords passwords = new TemporaryPasswords();

  @Test
  void everyPasswordHasSixteenUnambiguousCharactersOfAllFourClasses() {
    for (int i = 0; i < 1000; i++) {
      String password = passwords.generate(List.of());
      assertThat(password).hasSize(16)
          .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[2-9]").containsPattern("[!#$%&*+=?@_-]")
          .matches("[A-HJ-NP-Za-km-np-z2-9!#$%&*+=?@_-]+");
    }
  }

  @Test
  void noTwoAreAlike() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) seen.add(passwords.generate(List.of()));
    assertThat(seen).hasSize(1000);
  }

  @Test
  void threeLettersInARowOfTheNameNeverAppear() {
    // Every run of three letters or digits of the alphabet in order: without the check, about 20 of
    // these 3000 passwords would contain one of them.
    List<String> nameParts = new ArrayList<>();
    for (String set : List.of(TemporaryPasswords.UPPER, TemporaryPasswords.LOWER, TemporaryPasswords.DIGITS)) {
      nameParts.add(set);
    }
    List<String> trigrams = new ArrayList<>();
    for (String part : nameParts) {
      for (int i = 0; i + 3 <= part.length(); i++) trigrams.add(part.substring(i, i + 3).toLowerCase(Locale.ROOT));
    }
    for (int i = 0; i < 3000; i++) {
      String password = passwords.generate(nameParts).toLowerCase(Locale.ROOT);
      assertThat(trigrams).noneMatch(password::contains);
    }
  }
}
