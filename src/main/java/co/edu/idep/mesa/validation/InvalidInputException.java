package co.edu.idep.mesa.validation;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that breaks a rule of the procedure. It extends Camunda's form validation exception so
 * that Tasklist's form submissions are answered with 400 and this Spanish message, and it rolls
 * back the whole transaction: no half-registered ticket, no process instance.
 */
public class InvalidInputException extends FormFieldValidationException {

  /** The validator id Camunda's form validation exception carries. */
  static final String VALIDATOR = "mesa-de-servicios";

  private final transient List<Violation> violations;

  public InvalidInputException(List<Violation> violations) {
    super(VALIDATOR, describe(violations));
    this.violations = List.copyOf(violations);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    return "La solicitud tiene datos no válidos: "
        + violations.stream().map(Violation::message).collect(Collectors.joining(" "));
  }
}
