package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.engine.TrustedCalls;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Solución lista" (message throw): stops the ticket's own resolution clock, the branch that waits
 * with the timers of "75 % del tiempo de solución" and "Tiempo de solución vencido". The clock waits
 * for this message in the same instance and then joins the attention, so no timer outlives it.
 * Correlated to all, because a clock that already reported its breach waits for it the same way.
 */
@Component
public class AnnounceSolutionDelegate implements JavaDelegate {

  /** The message name of "Solución lista" in mesa-de-servicios.bpmn. */
  public static final String SOLUTION_READY = "solucion-lista";

  private final RuntimeService runtime;

  public AnnounceSolutionDelegate(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // The engine's own step, inside the completion of whoever solved the ticket: not a person's message.
    TrustedCalls.run(() -> runtime.createMessageCorrelation(SOLUTION_READY)
        .processInstanceId(execution.getProcessInstanceId()).correlateAllWithResult());
  }
}
