package co.edu.idep.mesa.ticket;

import java.util.List;

/** The body of every error that {@code /api} answers: a Spanish message and, if any, the fields. */
public record ApiError(String message, List<Violation> errors) {

  public static ApiError of(String message) {
    return new ApiError(message, List.of());
  }
}
