package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.support.ApplicationTest;

/** The API on the embedded default database (H2). */
@ApplicationTest
class TicketApiTest extends AbstractTicketApiTest {}
