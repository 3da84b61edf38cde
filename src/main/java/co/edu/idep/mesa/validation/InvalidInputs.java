package co.edu.idep.mesa.validation;

import java.util.Optional;

/** Finds our validation failure inside the exceptions the engine wraps it in. */
public final class InvalidInputs {

  private InvalidInputs() {}

  public static Optional<InvalidInputException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof InvalidInputException invalid) return Optional.of(invalid);
    }
    return Optional.empty();
  }
}
