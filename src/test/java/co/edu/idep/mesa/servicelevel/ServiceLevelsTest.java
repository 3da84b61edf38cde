package co.edu.idep.mesa.servicelevel;

/** The service levels on the embedded database (H2), a fresh one for each test. */
class ServiceLevelsTest extends AbstractServiceLevelsTest {

  @Override
  protected ServiceLevelDatabase database(TestClock clock) {
    return ServiceLevelDatabase.h2(clock);
  }
}
