package co.edu.idep.mesa.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * The whole application, on a random port with the test profile, started once for every test class
 * that carries this annotation: Spring's context cache hands them all the same application.
 *
 * <p>A class that shares it adds nothing that changes the context (properties, profiles,
 * {@code @DynamicPropertySource}, mocked beans, {@code @DirtiesContext}), assumes nothing about what
 * other classes left (an empty database, counts, a quarter nobody asked a report for: see
 * {@link ReportQuarters}), and leaves nothing that changes their outcome: it resets Camunda's
 * {@code ClockUtil}, deletes the users and deployments it creates, and fails logins only from
 * X-Forwarded-For addresses of its own (the login throttle counts per client address, in memory).
 *
 * <p>A class that needs other properties or profiles, or a freshly started application, starts its
 * own with the plain annotations and {@code @DirtiesContext(classMode = AFTER_CLASS)}.
 * {@link SharedApplicationFirst} runs it after every class that shares this one: Camunda's REST API
 * and webapps find the engine by its name, "default", in a registry of the JVM, which the last
 * engine started takes over and the first one closed clears; the webapps keep more state of the
 * JVM's, set when an application starts. Should the shared application meet another one anyway,
 * {@link EngineRegistration} starts it again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestExecutionListeners(listeners = ApplicationTest.EngineRegistration.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ApplicationTest {

  /**
   * Makes sure the shared application is still the JVM's: its engine is the one registered as
   * "default". Should another application have started in between (a class run out of the usual
   * order, a rerun of a failed test), that one took the name and the webapps' JVM-wide state with it,
   * so the shared application is closed and started again, and the log says so. Checked before the
   * class and before each test instance gets its beans.
   */
  class EngineRegistration extends AbstractTestExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(EngineRegistration.class);

    /** Before dependency injection (2000) and the other listeners that use the context. */
    @Override
    public int getOrder() {
      return 900;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
      startAgainIfTakenOver(testContext);
    }

    @Override
    public void prepareTestInstance(TestContext testContext) {
      startAgainIfTakenOver(testContext);
    }

    private static void startAgainIfTakenOver(TestContext testContext) {
      ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
      if (ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
        log.warn("Another application was started after the shared one and took the engine name «{}»: the shared"
            + " application starts again for {}. Classes with an application of their own run after the shared"
            + " ones (SharedApplicationFirst).", engine.getName(), testContext.getTestClass().getSimpleName());
        testContext.markApplicationContextDirty(DirtiesContext.HierarchyMode.EXHAUSTIVE);
      }
    }
  }
}
