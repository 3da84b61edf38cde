package co.edu.idep.mesa.ticket;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Bursts of registrations on the embedded default database (H2), with the default profile's limits. */
// A context of its own, started for these bursts: the first one meets a fresh application. The
// property only sets it apart from the shared application (support/ApplicationTest), which Spring
// would otherwise hand over, already warm.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "mesa.test.context=registration-burst")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RegistrationBurstTest extends AbstractRegistrationBurstTest {}
