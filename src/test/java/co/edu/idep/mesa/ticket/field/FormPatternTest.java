package co.edu.idep.mesa.ticket.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A form pattern answers as form-js's {@code new RegExp(p).test(v)} does. The expected answers are
 * JavaScript's (checked once with Node.js); plain {@code java.util.regex} would differ on each.
 */
class FormPatternTest {

  @Test
  void dollarIsTheEndOfTheValueNotBeforeAFinalLineBreak() {
    assertThat(FormPattern.of("^[0-9]+$").test("123\n")).isFalse();
    assertThat(Pattern.compile("^[0-9]+$").matcher("123\n").find()).as("plain Java").isTrue();
    assertThat(FormPattern.of("^[0-9]+$").test("123")).isTrue();
  }

  @Test
  void whiteSpaceIsJavaScriptsUnicodeWhiteSpace() {
    assertThat(FormPattern.of("^https?://[^\\s]+$").test("https://a\u00a0b.co")).isFalse();
    assertThat(FormPattern.of("^\\s+$").test("\u00a0\ufeff\u3000")).isTrue();
    assertThat(FormPattern.of("^\\S+$").test("a\u2028b")).isFalse();
    assertThat(Pattern.compile("^https?://[^\\s]+$").matcher("https://a\u00a0b.co").find()).as("plain Java").isTrue();
  }

  @Test
  void dotStopsAtJavaScriptsLineTerminatorsOnly() {
    assertThat(FormPattern.of("^a.b$").test("a\u0085b")).isTrue();
    assertThat(FormPattern.of("^a.b$").test("a\u2028b")).isFalse();
  }

  @Test
  void aPatternIsSearchedForLikeRegExpTest() {
    assertThat(FormPattern.of("[0-9]").test("abc1")).isTrue();
    assertThat(FormPattern.of("^(?!.*@idep\\.edu\\.co *$)").test("a@idep.edu.co")).isFalse();
    assertThat(FormPattern.of("^(?!.*@idep\\.edu\\.co *$)").test("a@example.org")).isTrue();
  }

  @Test
  void bracketsAndAmpersandsInAClassAreLiteralAsInJavaScript() {
    assertThat(FormPattern.of("^[a[]+$").test("a[a")).isTrue();
    assertThat(FormPattern.of("^[a&&b]+$").test("a&b")).isTrue();
  }

  @Test
  void constructsTheDialectsReadDifferentlyAreRefused() {
    String[] patterns = {"\\bword", "\\p{L}", "(?<=a)b", "(?<name>a)", "(?i)a", "a*+", "[^]", "\\u{61}"};
    for (String pattern : patterns) {
      assertThatThrownBy(() -> FormPattern.of(pattern)).as(pattern).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
