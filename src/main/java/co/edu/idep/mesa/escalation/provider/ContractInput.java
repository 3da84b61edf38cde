package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.validation.InputReader;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A support contract as a JSON body of {@code /api/providers/{code}/contracts} writes it: the
 * number, the first and last day (ISO, AAAA-MM-DD; the last not before the first) and the agreed
 * hours, whole numbers from 1 to {@link SupportContract#MAX_HOURS}. Rejected values come back null.
 */
record ContractInput(String number, LocalDate startsOn, LocalDate endsOn, Integer responseHours,
    Integer resolutionHours) {

  static final String NUMBER = "number";
  static final String STARTS_ON = "startsOn";
  static final String ENDS_ON = "endsOn";
  static final String RESPONSE_HOURS = "responseHours";
  static final String RESOLUTION_HOURS = "resolutionHours";

  static final int NUMBER_MAX = 40;

  private static final Pattern NUMBER_FORMAT = Pattern.compile(SupportContract.NUMBER_PATTERN);

  /** {@code pathNumber}: the number of the URL of an update (the body's, if any, must agree), null for a new one. */
  static ContractInput read(InputReader in, String pathNumber) {
    String number = pathNumber != null ? SupportContract.normalNumber(pathNumber) : number(in);
    if (pathNumber != null && !in.isBlank(NUMBER)) {
      if (!(in.raw(NUMBER) instanceof String typed) || !SupportContract.normalNumber(typed).equals(number)) {
        in.reject(NUMBER, "El número de un contrato no se cambia: registre el contrato con el número correcto.");
      }
    }
    LocalDate startsOn = in.date(STARTS_ON, "Fecha de inicio", true);
    LocalDate endsOn = in.date(ENDS_ON, "Fecha de fin", true);
    if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
      in.reject(ENDS_ON, "La «Fecha de fin» no puede ser anterior a la «Fecha de inicio».");
      endsOn = null;
    }
    Integer responseHours = hours(in, RESPONSE_HOURS, "Tiempo de respuesta (horas)");
    Integer resolutionHours = hours(in, RESOLUTION_HOURS, "Tiempo de solución (horas)");
    return new ContractInput(number, startsOn, endsOn, responseHours, resolutionHours);
  }

  private static String number(InputReader in) {
    String typed = in.text(NUMBER, "Número de contrato", true, NUMBER_MAX);
    if (typed == null) return null;
    String number = SupportContract.normalNumber(typed);
    if (!NUMBER_FORMAT.matcher(number).matches()) {
      in.reject(NUMBER, "El campo «Número de contrato» admite solo letras sin tilde, números, puntos, guiones y"
          + " guiones bajos, sin espacios (por ejemplo CPS-101-2026).");
      return null;
    }
    return number;
  }

  private static Integer hours(InputReader in, String key, String label) {
    Long hours = in.integer(key, label, true, 1, SupportContract.MAX_HOURS);
    return hours == null ? null : hours.intValue();
  }
}
