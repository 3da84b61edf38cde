package co.edu.idep.mesa.engine;

import org.apache.commons.lang3.exception.ExceptionUtils;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import co.edu.idep.mesa.validation.InvalidInputs;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Marker;

/**
 * Camunda logs every command that fails as an ERROR with its stack trace (ENGINE-16004), and a
 * form that breaks a rule of the procedure, or a refusal, is such a failure. Those are answered to
 * the person with a Spanish 400 or 403: they are no error of the application, and in the log they
 * would bury the real ones. This filter drops just them; every other failure is logged as before.
 * So it does with the agent who came second to a task another one claimed or completed in the same
 * instant ({@link TaskRaces}, a Spanish 409 or 404): Camunda logs the first with its stack trace at
 * INFO, the second at ERROR.
 */
public class ExpectedRefusalLogFilter extends TurboFilter {

  static final String COMMAND_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if ((level != Level.ERROR && level != Level.INFO) || logger == null
        || !COMMAND_CONTEXT_LOGGER.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable failure = t;
    if (failure == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      failure = last;
    }
    if (failure == null) return FilterReply.NEUTRAL;
    boolean expected = level == Level.ERROR ? isExpectedRefusal(failure) : TaskRaces.in(failure).isPresent();
    return expected ? FilterReply.DENY : FilterReply.NEUTRAL;
  }

  static boolean isExpectedRefusal(Throwable failure) {
    return InvalidInputs.in(failure).isPresent() || TaskRaces.in(failure).isPresent()
        || ExceptionUtils.throwableOfType(failure, AuthorizationException.class) != null;
  }
}
