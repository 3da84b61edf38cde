package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.CAN_RESOLVE;
import static co.edu.idep.mesa.ticket.field.Fields.EVALUATION_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.SUPPORT_CONTRACT_IN_FORCE;

import co.edu.idep.mesa.validation.InputReader;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of the evaluation tasks of steps 6, 8 and 9: can the agent resolve it? */
@Component
public class RecordEvaluationListener implements TaskListener {

  static final String EVALUATE_WEB = "Task_EvaluateWebSystem";

  private final TicketResolution resolution;

  public RecordEvaluationListener(TicketResolution resolution) {
    this.resolution = resolution;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Boolean canResolve = CAN_RESOLVE.bool(in);
    String diagnosis = EVALUATION_NOTE.text(in);
    Boolean contractInForce = null;
    if (EVALUATE_WEB.equals(task.getTaskDefinitionKey()) && Boolean.FALSE.equals(canResolve)) {
      contractInForce = SUPPORT_CONTRACT_IN_FORCE.bool(in);
    }
    in.throwIfInvalid();
    resolution.evaluated(TicketVariables.ticketCode(task), canResolve, contractInForce, diagnosis);
  }
}
