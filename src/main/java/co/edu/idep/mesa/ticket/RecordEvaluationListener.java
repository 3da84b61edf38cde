package co.edu.idep.mesa.ticket;

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
    Boolean canResolve = in.bool("canResolve", "¿Puede resolver el incidente?", true);
    String diagnosis = in.text("evaluationNote", "Diagnóstico", false, 2000);
    Boolean contractInForce = null;
    if (EVALUATE_WEB.equals(task.getTaskDefinitionKey()) && Boolean.FALSE.equals(canResolve)) {
      contractInForce = in.bool("supportContractInForce", "¿Hay contrato de soporte vigente?", true);
    }
    in.throwIfInvalid();
    resolution.evaluated(TicketVariables.ticketCode(task), canResolve, contractInForce, diagnosis);
  }
}
