package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.validation.InputReader;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Verificar la solución" (step 12): the requester's answer becomes a note. */
@Component
public class RecordVerificationListener implements TaskListener {

  private final TicketResolution resolution;

  public RecordVerificationListener(TicketResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean satisfied = in.bool("satisfied", "¿La solución es completa y satisfactoria?", true);
    Long score = in.integer("satisfactionScore", "Calificación", true, 1, 5);
    String comment = in.text("verificationComment", "Comentario", Boolean.FALSE.equals(satisfied), 2000);
    in.throwIfInvalid();
    // Stored normalised: the gateway reads a boolean, the agent's forms show the comment.
    task.setVariable("satisfactionScore", score);
    task.setVariable("verificationComment", comment);
    resolution.answered(TicketVariables.ticketCode(task), satisfied, score.intValue(), comment);
  }
}
