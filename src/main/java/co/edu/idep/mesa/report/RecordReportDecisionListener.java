package co.edu.idep.mesa.report;

import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Validar el informe" (step 16): the Jefe OAP's decision, and only his. */
@Component
public class RecordReportDecisionListener implements TaskListener {

  private final QuarterlyReports reports;

  public RecordReportDecisionListener(QuarterlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateTask task) {
    reports.requireHeadOfOffice();
    InputReader in = new InputReader(task.getVariables());
    Boolean approved = in.bool("reportApproved", "¿Aprueba el informe?", true);
    String observations = in.text("reportObservations", "Observaciones",
        Boolean.FALSE.equals(approved), 2000);
    in.throwIfInvalid();
    task.setVariable("reportApproved", approved);
    task.setVariable("reportObservations", observations);
    reports.decide(task.getProcessInstanceId(), approved, observations);
  }
}
