package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.ticket.InvalidInputs;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, plus two rules: a form submitted from Tasklist
 * that breaks a rule of the procedure is answered 400 with the Spanish message alone, and a
 * refusal raised inside a listener (only the Jefe OAP decides on a report) is answered 403, instead
 * of a 500 that wraps either in English. Every other failure is answered by Camunda's own handlers.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(InvalidInputRestExceptionMapper.class);
    register(InvalidInputEngineExceptionMapper.class);
  }

  static Response forbidden(AuthorizationException refusal) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("AuthorizationException");
    dto.setMessage(refusal.getMessage());
    return Response.status(Response.Status.FORBIDDEN).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  /** An authorization refusal wrapped by the engine (listener exceptions are wrapped), if any. */
  static Optional<AuthorizationException> wrappedRefusal(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof AuthorizationException refusal) return Optional.of(refusal);
    }
    return Optional.empty();
  }

  static Response badRequest(String message) {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("InvalidInputException");
    dto.setMessage(message);
    return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  @Priority(1)
  public static class InvalidInputRestExceptionMapper implements ExceptionMapper<RestException> {
    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException e) {
      return InvalidInputs.in(e).map(invalid -> badRequest(invalid.getMessage()))
          .or(() -> wrappedRefusal(e).map(EngineRestConfiguration::forbidden))
          .orElseGet(() -> camunda.toResponse(e));
    }
  }

  @Priority(1)
  public static class InvalidInputEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      return InvalidInputs.in(e).map(invalid -> badRequest(invalid.getMessage()))
          .or(() -> wrappedRefusal(e).map(EngineRestConfiguration::forbidden))
          .orElseGet(() -> camunda.toResponse(e));
    }
  }
}
