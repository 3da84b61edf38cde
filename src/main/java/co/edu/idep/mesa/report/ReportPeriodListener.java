package co.edu.idep.mesa.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Leaving a start event of "informe-trimestral": the quarter the report covers. The quarterly
 * timer reports the quarter that just ended; a person who requests a report (POST /api/reports)
 * names a quarter that has ended. The quarter's key (INF-2026-T3) becomes the business key, so
 * Cockpit and the audit trail find the report by it.
 */
@Component
public class ReportPeriodListener implements ExecutionListener {

  static final String REQUESTED_START = "StartEvent_ReportRequested";

  private final QuarterlyReports reports;

  public ReportPeriodListener(QuarterlyReports reports) {
    this.reports = reports;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ReportPeriod period = REQUESTED_START.equals(execution.getCurrentActivityId())
        ? reports.requestedPeriod(execution.getVariables())
        : ReportPeriod.before(reports.today());
    execution.setVariable("reportYear", (long) period.year());
    execution.setVariable("reportQuarter", (long) period.quarter());
    execution.setVariable("reportKey", period.key());
    execution.setVariable("reportPeriod", period.label());
    execution.setProcessBusinessKey(period.key());
  }
}
