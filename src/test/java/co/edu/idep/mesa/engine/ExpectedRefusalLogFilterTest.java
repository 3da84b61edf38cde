package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import co.edu.idep.mesa.validation.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.junit.jupiter.api.Test;

/** Refusals answered in Spanish leave the log; every other engine failure stays in it. */
class ExpectedRefusalLogFilterTest {

  final LoggerContext context = new LoggerContext();
  final ExpectedRefusalLogFilter filter = new ExpectedRefusalLogFilter();

  FilterReply engineError(Throwable failure) {
    return filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.COMMAND_CONTEXT_LOGGER), Level.ERROR,
        "ENGINE-16004 Exception while closing command context: {}", new Object[] {failure.getMessage(), failure}, null);
  }

  @Test
  void aRefusedFormOrPermissionIsNotLoggedAsAnEngineError() {
    var invalid = new InvalidInputException("topic", "El campo «Tema» no se puede modificar.");
    assertThat(engineError(invalid)).isEqualTo(FilterReply.DENY);
    assertThat(engineError(new ProcessEngineException("ENGINE-03051 listener failed", invalid))).isEqualTo(FilterReply.DENY);
    assertThat(engineError(new ProcessEngineException("wrapped", new AuthorizationException("No.")))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void realFailuresAndOtherLoggersAreLeftAlone() {
    assertThat(engineError(new IllegalStateException("bug"))).isEqualTo(FilterReply.NEUTRAL);
    var invalid = new InvalidInputException("topic", "No.");
    assertThat(filter.decide(null, context.getLogger("co.edu.idep.mesa"), Level.ERROR, "x", new Object[] {invalid}, null))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.COMMAND_CONTEXT_LOGGER), Level.WARN, "x",
        new Object[] {invalid}, null)).isEqualTo(FilterReply.NEUTRAL);
  }

  FilterReply engineLog(Level level, Throwable failure) {
    return filter.decide(null, context.getLogger(ExpectedRefusalLogFilter.COMMAND_CONTEXT_LOGGER), level,
        "Exception while closing command context: {}", new Object[] {failure.getMessage(), failure}, null);
  }

  @Test
  void theAgentWhoCameSecondToATaskLeavesNoStackTrace() {
    // Camunda logs the first at INFO (ENGINE-16003), the second at ERROR (ENGINE-16004).
    assertThat(engineLog(Level.INFO, new TaskAlreadyClaimedException("42", "carrera01"))).isEqualTo(FilterReply.DENY);
    assertThat(engineLog(Level.ERROR, new NullValueException("Cannot find task with id 42: task is null")))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void otherMissingValuesAndOtherInfoStayInTheLog() {
    assertThat(engineLog(Level.ERROR, new NullValueException("Cannot find process definition with id 7")))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(engineLog(Level.INFO, new IllegalStateException("bug"))).isEqualTo(FilterReply.NEUTRAL);
  }
}
