package co.edu.idep.mesa.report;

import co.edu.idep.mesa.servicelevel.ServiceLevelDatabase;
import co.edu.idep.mesa.servicelevel.TestClock;

/** Service-level compliance in the report's figures, on the embedded database (H2). */
class ReportComplianceTest extends AbstractReportComplianceTest {

  @Override
  protected ServiceLevelDatabase database(TestClock clock) {
    return ServiceLevelDatabase.h2(clock);
  }
}
