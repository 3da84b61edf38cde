package co.edu.idep.mesa.ticket.field;

/**
 * One value a field may take: the code stored and sent ({@code "CC"}, {@code "true"}, {@code "3"}) and
 * the Spanish label the person reads.
 */
public record Option(String code, String label) {

  public static Option of(Object code, String label) {
    return new Option(String.valueOf(code), label);
  }

  @Override
  public String toString() {
    return code + " «" + label + "»";
  }
}
