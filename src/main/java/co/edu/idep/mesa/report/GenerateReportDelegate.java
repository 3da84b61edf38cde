package co.edu.idep.mesa.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Generar el informe" (step 15): computes the quarter's figures and stores a new version. */
@Component
public class GenerateReportDelegate implements JavaDelegate {

  private final QuarterlyReports reports;

  public GenerateReportDelegate(QuarterlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportPeriod period = new ReportPeriod(ReportVariables.YEAR.get(execution).intValue(),
        ReportVariables.QUARTER.get(execution).intValue());
    QuarterlyReport report = reports.generate(period, execution.getProcessInstanceId(),
        ReportVariables.REQUESTED_BY.get(execution), ReportVariables.CORRECTION_NOTE.get(execution));
    ReportVariables.ID.set(execution, report.id());
    ReportVariables.VERSION.set(execution, (long) report.version());
    ReportVariables.SUMMARY.set(execution, report.figures().summary(period));
    // A new version gets a new decision: the Jefe's previous answer must not be pre-filled.
    ReportVariables.APPROVED.remove(execution);
  }
}
