package co.edu.idep.mesa.engine;

import org.apache.commons.lang3.exception.ExceptionUtils;
import co.edu.idep.mesa.validation.InvalidInputException;

import co.edu.idep.mesa.validation.InvalidInputs;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.springframework.core.NestedRuntimeException;
import co.edu.idep.mesa.web.DatabaseFailures;

/**
 * Two rules for Camunda's REST APIs — {@code /engine-rest} and the webapps' own engine API
 * ({@code /camunda/api/engine}) that Tasklist posts its forms to: a form that breaks a rule of the
 * procedure is answered 400 with the Spanish message alone, and a refusal raised inside a listener
 * (only the Jefe OAP decides on a report) is answered 403, instead of a 500 that wraps either in
 * English. Two agents who take or complete the same task at once: the one who came second is answered
 * 409 (or 404 when the task is already gone) in Spanish, not a 500 ({@link TaskRaces}). A database out
 * of reach is a Spanish 503 with {@code Retry-After}. Every other failure is answered by Camunda's own
 * handlers.
 *
 * <p>The starter builds those Jersey applications itself, so Jersey's service loader is the way in
 * (META-INF/services): this feature registers the mappers in every Jersey application.
 */
public class SpanishErrorsFeature implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {RestExceptionMapper.class, EngineExceptionMapper.class,
        UnavailableMapper.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }

  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      return answer(e, () -> camunda.toResponse(e));
    }
  }

  @Priority(1)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      return answer(e, () -> camunda.toResponse(e));
    }
  }

  /**
   * Spring's failures that reach Jersey unwrapped: no connection to be had from the pool (the
   * transaction could not even begin), a connection that broke. 503 with {@code Retry-After}, never a
   * 500; the request changed nothing. Any other is Camunda's to answer.
   */
  @Priority(1)
  public static class UnavailableMapper implements ExceptionMapper<NestedRuntimeException> {
    private final ExceptionHandler camunda = new ExceptionHandler();

    @Override
    public Response toResponse(NestedRuntimeException e) {
      return DatabaseFailures.isConnectionFailure(e) ? unavailable(e) : camunda.toResponse(e);
    }
  }

  static Response answer(Throwable e, Supplier<Response> camunda) {
    if (DatabaseFailures.isConnectionFailure(e)) return unavailable(e);
    return InvalidInputs.in(e).map(invalid -> error(Response.Status.BAD_REQUEST, "InvalidInputException", invalid.getMessage()))
        .or(() -> wrappedRefusal(e).map(refusal -> error(Response.Status.FORBIDDEN, "AuthorizationException", refusal.getMessage())))
        .or(() -> TaskRaces.in(e).or(() -> TaskRaces.vanished(e)).map(race -> error(race.status(), race.type(), race.message())))
        .or(() -> DatabaseFailures.in(e).map(SpanishErrorsFeature::databaseFailure))
        .orElseGet(camunda);
  }

  /**
   * A database refusal never shows its SQL, table or constraint: a broken constraint is the
   * caller's data (400), anything else is ours (500, logged by type and SQL state only).
   */
  static Response databaseFailure(java.sql.SQLException failure) {
    if (DatabaseFailures.isConstraintViolation(failure)) {
      return error(Response.Status.BAD_REQUEST, "InvalidInputException", DatabaseFailures.CONSTRAINT_MESSAGE);
    }
    DatabaseFailures.logUnexpected(failure);
    return error(Response.Status.INTERNAL_SERVER_ERROR, "ServerError", DatabaseFailures.UNEXPECTED_MESSAGE);
  }

  /** The database is out of reach (stopped, restarting, failing over): come back in a moment. */
  static Response unavailable(Throwable e) {
    DatabaseFailures.logUnavailable("Camunda REST request", e);
    return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "ServiceUnavailable",
            DatabaseFailures.unavailableMessage()))
        .header("Retry-After", DatabaseFailures.UNAVAILABLE_RETRY_AFTER_SECONDS).build();
  }

  /** An authorization refusal wrapped by the engine (listener exceptions are wrapped), if any. */
  static Optional<AuthorizationException> wrappedRefusal(Throwable e) {
    return Optional.ofNullable(ExceptionUtils.throwableOfType(e.getCause(), AuthorizationException.class));
  }

  static Response error(Response.Status status, String type, String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType(type);
    dto.setMessage(message);
    return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
