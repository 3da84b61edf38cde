package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.ApplicationTest;

/** The providers API on the shared application (H2). */
@ApplicationTest
class ProviderApiTest extends AbstractProviderApiTest {}
