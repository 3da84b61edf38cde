package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.ANSWER_CHANNEL;
import static co.edu.idep.mesa.ticket.field.Fields.SATISFACTION_SCORE;
import static co.edu.idep.mesa.ticket.field.Fields.SATISFIED;
import static co.edu.idep.mesa.ticket.field.Fields.VERIFICATION_COMMENT;

import co.edu.idep.mesa.ticket.field.Fields;
import co.edu.idep.mesa.validation.InputReader;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Verificar la solución" (step 12): the requester's answer becomes a note. */
@Component
public class RecordVerificationListener implements TaskListener {

  private final TicketResolution resolution;
  private final IdentityService identity;

  public RecordVerificationListener(TicketResolution resolution, IdentityService identity) {
    this.resolution = resolution;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean satisfied = SATISFIED.bool(in);
    Long score = SATISFACTION_SCORE.integer(in);
    String comment = VERIFICATION_COMMENT.text(in, Boolean.FALSE.equals(satisfied));
    // Help-desk staff may record, for the requester, the answer he gave by phone or in person.
    String recordedBy = recorder();
    boolean onHisBehalf = recordedBy != null && !recordedBy.equals(TicketVariables.REQUESTER.get(task));
    String channel = ANSWER_CHANNEL.choice(in, onHisBehalf);
    if (onHisBehalf && Fields.ANSWER_IN_PERSON_OF_REQUESTER.equals(channel)) {
      in.reject(ANSWER_CHANNEL.key(), "Indique si el solicitante dio su respuesta por teléfono o en persona.");
    }
    in.throwIfInvalid();
    // Stored normalised: the gateway reads a boolean, the agent's forms show the comment.
    task.setVariable(SATISFACTION_SCORE.key(), score);
    task.setVariable(VERIFICATION_COMMENT.key(), comment);
    resolution.answered(TicketVariables.ticketCode(task), satisfied, score.intValue(), comment,
        onHisBehalf ? channel : null);
  }

  /** Who completes the task: the requester himself, or staff recording his answer. */
  private String recorder() {
    var user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
