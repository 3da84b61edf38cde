package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.SATISFACTION_SCORE;
import static co.edu.idep.mesa.ticket.field.Fields.SATISFIED;
import static co.edu.idep.mesa.ticket.field.Fields.VERIFICATION_COMMENT;

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
    Boolean satisfied = SATISFIED.bool(in);
    Long score = SATISFACTION_SCORE.integer(in);
    String comment = VERIFICATION_COMMENT.text(in, Boolean.FALSE.equals(satisfied));
    in.throwIfInvalid();
    // Stored normalised: the gateway reads a boolean, the agent's forms show the comment.
    task.setVariable(SATISFACTION_SCORE.key(), score);
    task.setVariable(VERIFICATION_COMMENT.key(), comment);
    resolution.answered(TicketVariables.ticketCode(task), satisfied, score.intValue(), comment);
  }
}
