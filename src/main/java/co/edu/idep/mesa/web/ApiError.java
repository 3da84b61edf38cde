package co.edu.idep.mesa.web;

import co.edu.idep.mesa.validation.Violation;

import java.util.List;

/** The body of every error that {@code /api} answers: a Spanish message and, if any, the fields. */
public record ApiError(String message, List<Violation> errors) {

  public static ApiError of(String message) {
    return new ApiError(message, List.of());
  }
}
