package co.edu.idep.mesa.support;

import co.edu.idep.mesa.report.ReportPeriod;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ended quarters for the quarterly reports that tests ask for, from 2020 on, each handed out once
 * per JVM: classes that share the application never ask for a quarter whose report another one
 * left in progress (409). Before any ticket was opened, so every figure of their reports is zero.
 */
public final class ReportQuarters {

  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final List<String> NAMES = List.of("primer trimestre (enero a marzo)",
      "segundo trimestre (abril a junio)", "tercer trimestre (julio a septiembre)",
      "cuarto trimestre (octubre a diciembre)");

  private ReportQuarters() {}

  public static ReportPeriod next() {
    int n = NEXT.getAndIncrement();
    ReportPeriod quarter = new ReportPeriod(2020 + n / 4, n % 4 + 1);
    if (quarter.endDay().isAfter(LocalDate.now(ZoneId.of("America/Bogota")))) {
      throw new IllegalStateException("The tests asked for more quarterly reports than there are ended quarters");
    }
    return quarter;
  }

  /** The quarter as people read it in the API and the forms: "2024, cuarto trimestre (octubre a diciembre)". */
  public static String label(ReportPeriod quarter) {
    return quarter.year() + ", " + NAMES.get(quarter.quarter() - 1);
  }
}
