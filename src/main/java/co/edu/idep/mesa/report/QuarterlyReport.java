package co.edu.idep.mesa.report;

import java.time.OffsetDateTime;

/** One version of a quarterly report, as stored and as the API shows it. */
public record QuarterlyReport(
    long id,
    String key,
    int year,
    int quarter,
    int version,
    String processInstanceId,
    ReportState state,
    ReportFigures figures,
    OffsetDateTime generatedAt,
    String requestedBy,
    String correctionNote,
    String decidedBy,
    OffsetDateTime decidedAt,
    String observations) {

  public ReportPeriod period() {
    return new ReportPeriod(year, quarter);
  }
}
