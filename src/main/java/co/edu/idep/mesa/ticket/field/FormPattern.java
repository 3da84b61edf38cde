package co.edu.idep.mesa.ticket.field;

import java.util.regex.Pattern;

/**
 * A field's format, written once as the forms carry it: a JavaScript regular expression, which
 * form-js tests in the browser with {@code new RegExp(source).test(value)} — no flags, a search
 * (so our patterns anchor themselves with {@code ^…$}), on the value as typed.
 *
 * <p>The server checks the very same source with {@code java.util.regex}, translated where the two
 * dialects read the same text differently, so that form and server accept the same values:
 * <ul>
 *   <li>{@code $} is the end of the input in JavaScript; in Java it also matches before a final line
 *   break, so it becomes {@code \z};</li>
 *   <li>{@code \s} and {@code \S} cover the Unicode spaces (no-break space, BOM, …) in JavaScript and
 *   only ASCII ones in Java, so they become JavaScript's list;</li>
 *   <li>{@code .} stops at {@code \n \r \u2028 \u2029} in JavaScript and also at {@code \u0085} in
 *   Java, so it becomes JavaScript's class;</li>
 *   <li>inside a class, {@code [} and {@code &&} are literal in JavaScript and operators in Java,
 *   so they are escaped; {@code \v} is the vertical tab in JavaScript and a class in Java.</li>
 * </ul>
 * Constructs whose meaning differs more ({@code \b}, {@code \p}, lookbehind, named groups, inline
 * flags, possessive quantifiers, {@code [^]}, …) are refused when the catalogue loads.
 */
public final class FormPattern {

  /** JavaScript's {@code \s}: WhiteSpace and LineTerminator of ECMA-262. */
  static final String JS_SPACES =
      "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

  private final String source;
  private final Pattern pattern;

  private FormPattern(String source) {
    this.source = source;
    this.pattern = Pattern.compile(toJava(source));
  }

  public static FormPattern of(String javaScriptSource) {
    return new FormPattern(javaScriptSource);
  }

  /** The pattern as written in the forms. */
  public String source() {
    return source;
  }

  /** What form-js answers: whether the pattern is found in the value. */
  public boolean test(String value) {
    return pattern.matcher(value).find();
  }

  static String toJava(String js) {
    StringBuilder java = new StringBuilder();
    boolean inClass = false;
    for (int i = 0; i < js.length(); i++) {
      char c = js.charAt(i);
      char next = i + 1 < js.length() ? js.charAt(i + 1) : 0;
      if (c == '\\') {
        i++;
        java.append(escape(js, next, inClass));
      } else if (inClass) {
        if (c == ']') inClass = false;
        java.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
      } else if (c == '[') {
        String rest = js.substring(i + 1);
        if (rest.startsWith("]") || rest.startsWith("^]")) throw unsupported(js, "[] or [^]");
        inClass = true;
        java.append(c);
      } else if (c == '.') {
        java.append("[^\\n\\r\\u2028\\u2029]");
      } else if (c == '$') {
        java.append("\\z");
      } else if (c == '(' && next == '?' && !js.startsWith(":", i + 2) && !js.startsWith("=", i + 2)
          && !js.startsWith("!", i + 2)) {
        throw unsupported(js, "lookbehind, named groups or inline flags");
      } else if ("*+?}".indexOf(c) >= 0 && next == '+') {
        throw unsupported(js, "possessive quantifiers");
      } else {
        java.append(c);
      }
    }
    return java.toString();
  }

  private static String escape(String js, char escaped, boolean inClass) {
    return switch (escaped) {
      case 's' -> inClass ? JS_SPACES : "[" + JS_SPACES + "]";
      case 'S' -> {
        if (inClass) throw unsupported(js, "\\S inside a class");
        yield "[^" + JS_SPACES + "]";
      }
      case 'v' -> "\\x0B";
      case 'b', 'B', 'p', 'P', 'k', 'c', '0', 'A', 'Z', 'z', 'h', 'H', 'R', 'X', 'Q', 'E', 'G', 'N', 0 ->
          throw unsupported(js, "\\" + escaped);
      case 'u' -> {
        if (js.contains("\\u{")) throw unsupported(js, "\\u{…}");
        yield "\\u";
      }
      default -> "\\" + escaped;
    };
  }

  private static IllegalArgumentException unsupported(String js, String what) {
    return new IllegalArgumentException("Form pattern " + js + " uses " + what
        + ", which JavaScript and Java read differently; write it another way.");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FormPattern p && p.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source;
  }
}
