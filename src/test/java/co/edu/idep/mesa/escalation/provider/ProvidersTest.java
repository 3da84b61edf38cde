package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.SqlDatabase;

/** The providers on the embedded default database (H2). */
class ProvidersTest extends AbstractProvidersTest {

  ProvidersTest() {
    super(SqlDatabase.h2("providers"));
  }
}
