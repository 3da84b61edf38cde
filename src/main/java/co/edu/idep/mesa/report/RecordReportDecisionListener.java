package co.edu.idep.mesa.report;

import static co.edu.idep.mesa.ticket.field.Fields.REPORT_APPROVED;
import static co.edu.idep.mesa.ticket.field.Fields.REPORT_OBSERVATIONS;

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
    Boolean approved = REPORT_APPROVED.bool(in);
    String observations = REPORT_OBSERVATIONS.text(in, Boolean.FALSE.equals(approved));
    in.throwIfInvalid();
    task.setVariable(REPORT_APPROVED.key(), approved);
    task.setVariable(REPORT_OBSERVATIONS.key(), observations);
    reports.decide(task.getProcessInstanceId(), approved, observations);
  }
}
