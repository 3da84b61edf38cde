package co.edu.idep.mesa.web;

import co.edu.idep.mesa.validation.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure of {@code /api} becomes a Spanish message; no stack trace ever leaves. */
@RestControllerAdvice
public class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    // One line, with the fields' names only: their values may be personal data (Ley 1581).
    log.info("Refused /api request: invalid fields {}", e.violations().stream().map(v -> v.field()).distinct().toList());
    return ResponseEntity.badRequest().body(new ApiError(
        "La solicitud tiene datos no válidos; corríjalos e intente de nuevo.", e.violations()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> forbidden() {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(ApiError.of("No tiene permiso para esta operación."));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable() {
    return ResponseEntity.badRequest()
        .body(ApiError.of("El cuerpo de la solicitud debe ser un objeto JSON válido."));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType() {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
        .body(ApiError.of("Envíe la solicitud con Content-Type: application/json."));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method() {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
        .body(ApiError.of("Operación no permitida sobre este recurso."));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("Recurso no encontrado."));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    if (DatabaseFailures.isConnectionFailure(e)) {
      // No connection to be had, or it broke (the database restarts, fails over): 503, nothing kept.
      DatabaseFailures.logUnavailable("/api request", e);
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header("Retry-After", Integer.toString(DatabaseFailures.UNAVAILABLE_RETRY_AFTER_SECONDS))
          .body(ApiError.of(DatabaseFailures.unavailableMessage()));
    }
    var database = DatabaseFailures.in(e);
    if (database.isPresent() && DatabaseFailures.isConstraintViolation(database.get())) {
      return ResponseEntity.badRequest().body(ApiError.of(DatabaseFailures.CONSTRAINT_MESSAGE));
    }
    // Logged by type only: the message could carry the submitted (personal) data.
    StackTraceElement[] where = e.getStackTrace();
    log.error("Unexpected failure in /api: {} at {}", e.getClass().getName(), where.length > 0 ? where[0] : "?");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ApiError.of(
        "Ocurrió un error inesperado. Intente de nuevo; si persiste, comuníquese con la Oficina Asesora de Planeación."));
  }
}
