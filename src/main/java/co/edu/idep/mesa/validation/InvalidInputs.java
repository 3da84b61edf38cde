package co.edu.idep.mesa.validation;

import org.apache.commons.lang3.exception.ExceptionUtils;
import java.util.Optional;

/** Finds our validation failure inside the exceptions the engine wraps it in. */
public final class InvalidInputs {

  private InvalidInputs() {}

  public static Optional<InvalidInputException> in(Throwable failure) {
    return Optional.ofNullable(ExceptionUtils.throwableOfType(failure, InvalidInputException.class));
  }
}
