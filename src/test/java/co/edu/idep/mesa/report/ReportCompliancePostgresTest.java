package co.edu.idep.mesa.report;

import co.edu.idep.mesa.servicelevel.ServiceLevelDatabase;
import co.edu.idep.mesa.servicelevel.TestClock;
import co.edu.idep.mesa.support.PostgresDatabase;
import org.junit.jupiter.api.Tag;

/** Service-level compliance in the report's figures, on PostgreSQL. */
@Tag("postgres")
class ReportCompliancePostgresTest extends AbstractReportComplianceTest {

  @Override
  protected ServiceLevelDatabase database(TestClock clock) {
    return new ServiceLevelDatabase(PostgresDatabase.fresh("mesa_report_compliance_test").url(),
        System.getProperty("mesa.test.postgres.user", "postgres"), clock);
  }
}
