package co.edu.idep.mesa.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A calendar quarter of the institute (Bogotá time): the period a quarterly report covers. */
public record ReportPeriod(int year, int quarter) {

  private static final List<String> NAMES = List.of(
      "primer trimestre (enero a marzo)", "segundo trimestre (abril a junio)",
      "tercer trimestre (julio a septiembre)", "cuarto trimestre (octubre a diciembre)");

  public ReportPeriod {
    if (quarter < 1 || quarter > 4) throw new IllegalArgumentException("quarter " + quarter);
  }

  /** The quarter that ended last before {@code today}: what a report started today covers. */
  public static ReportPeriod before(LocalDate today) {
    ReportPeriod current = containing(today);
    return current.quarter == 1 ? new ReportPeriod(current.year - 1, 4)
        : new ReportPeriod(current.year, current.quarter - 1);
  }

  public static ReportPeriod containing(LocalDate day) {
    return new ReportPeriod(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
  }

  public LocalDate firstDay() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  /** The day after the quarter: the period is [firstDay, endDay). */
  public LocalDate endDay() {
    return firstDay().plusMonths(3);
  }

  public OffsetDateTime start(ZoneId zone) {
    return firstDay().atStartOfDay(zone).toOffsetDateTime();
  }

  public OffsetDateTime end(ZoneId zone) {
    return endDay().atStartOfDay(zone).toOffsetDateTime();
  }

  /** Business key of the report's process instance and its name in the API: INF-2026-T3. */
  public String key() {
    return "INF-" + year + "-T" + quarter;
  }

  public String label() {
    return year + ", " + NAMES.get(quarter - 1);
  }
}
