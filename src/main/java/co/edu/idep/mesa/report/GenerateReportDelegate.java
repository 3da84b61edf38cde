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
    ReportPeriod period = new ReportPeriod(((Number) execution.getVariable("reportYear")).intValue(),
        ((Number) execution.getVariable("reportQuarter")).intValue());
    QuarterlyReport report = reports.generate(period, execution.getProcessInstanceId(),
        (String) execution.getVariable("requestedBy"), (String) execution.getVariable("correctionNote"));
    execution.setVariable("reportId", report.id());
    execution.setVariable("reportVersion", (long) report.version());
    execution.setVariable("reportSummary", report.figures().summary(period));
    // A new version gets a new decision: the Jefe's previous answer must not be pre-filled.
    execution.removeVariable("reportApproved");
  }
}
