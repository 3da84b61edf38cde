package co.edu.idep.mesa.report;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Leaving a start event of "informe-trimestral": the quarter the report covers. The diagram says
 * which start it is: the quarterly timer calls {@link #quarterEnded} for the quarter that just
 * ended; a person's request (POST /api/reports) calls {@link #requested} for the quarter he named.
 * The quarter's key (INF-2026-T3) becomes the business key, so Cockpit and the audit trail find
 * the report by it.
 */
@Component
public class ReportPeriodListener {

  private final QuarterlyReports reports;

  public ReportPeriodListener(QuarterlyReports reports) {
    this.reports = reports;
  }

  public void quarterEnded(DelegateExecution execution) {
    cover(execution, ReportPeriod.before(reports.today()));
  }

  public void requested(DelegateExecution execution) {
    cover(execution, reports.requestedPeriod(execution.getVariables()));
  }

  private static void cover(DelegateExecution execution, ReportPeriod period) {
    ReportVariables.YEAR.set(execution, (long) period.year());
    ReportVariables.QUARTER.set(execution, (long) period.quarter());
    ReportVariables.KEY.set(execution, period.key());
    ReportVariables.PERIOD.set(execution, period.label());
    execution.setProcessBusinessKey(period.key());
  }
}
