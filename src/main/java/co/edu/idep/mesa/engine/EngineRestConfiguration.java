package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.ticket.InvalidInputs;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * Camunda's REST API as the starter configures it, plus one rule: a form submitted from Tasklist
 * that breaks a rule of the procedure is answered 400 with the Spanish message alone, instead of
 * a 500 that wraps it in English. Every other failure is answered by Camunda's own handlers.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(InvalidInputRestExceptionMapper.class);
    register(InvalidInputEngineExceptionMapper.class);
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
      return InvalidInputs.in(e).map(invalid -> badRequest(invalid.getMessage())).orElseGet(() -> camunda.toResponse(e));
    }
  }

  @Priority(1)
  public static class InvalidInputEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException e) {
      return InvalidInputs.in(e).map(invalid -> badRequest(invalid.getMessage())).orElseGet(() -> camunda.toResponse(e));
    }
  }
}
