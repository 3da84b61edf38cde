package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.support.ApplicationTest;

/** The claim and completion races on the shared application (embedded database). */
@ApplicationTest
class TaskRaceTest extends AbstractTaskRaceTest {}
