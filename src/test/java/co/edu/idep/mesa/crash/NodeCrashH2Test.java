package co.edu.idep.mesa.crash;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApplicationProcess;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The embedded default, as a small institute runs it: the application in its own JVM on the default
 * profile's H2 file, killed with SIGKILL while 24 clients (more than its 16 pooled connections)
 * register tickets (14 clients) and complete topic reviews (10). After a restart, every ticket
 * answered 201 and every completion answered 204 is there, nothing is half done or there twice, and
 * no code is handed out again. Without a durable commit (H2's WRITE_DELAY=0 in application.yaml) the
 * last acknowledged tickets were lost and their codes handed out again. Its own JVM and two starts,
 * a minute or two: tagged, run by CI (-Pci).
 */
@Tag("crash")
class NodeCrashH2Test {

  @Test
  void aKilledNodeLosesNothingAcknowledgedAndDuplicatesNothing() throws Exception {
    try (ApplicationProcess node = ApplicationProcess.defaultProfile("crash-h2").start()) {
      ApiClient api = new ApiClient(node.port());
      CrashScenario scenario = new CrashScenario(api, api);
      Set<String> before = scenario.register(40);

      CrashLoad load = new CrashLoad(14, 10, scenario.reviewTasks(), client -> api);
      // Half-way: well into the load, with requests in flight on every client.
      load.awaitRegistered(60, 90);
      node.kill();
      load.stop();
      assertThat(load.unexpectedAnswers()).as("answers other than success or a polite 503").isEmpty();
      assertThat(load.registered).as("registrations answered before the kill").isNotEmpty();
      assertThat(load.completed).as("completions answered before the kill").isNotEmpty();

      node.restart();
      Set<String> given = new HashSet<>(before);
      given.addAll(load.registered);
      Set<String> after = scenario.register(3);
      node.stop();

      // H2 in file mode admits one process: read the file once the node is down.
      DriverManagerDataSource file = new DriverManagerDataSource(node.h2Url(), "sa", "");
      CrashInvariants invariants = new CrashInvariants(JdbcClient.create(file));
      System.out.printf("crash-h2: %d registrations and %d completions answered before the kill, %d requests"
          + " unanswered, %d refused with 503; after the restart %d tickets stored, %d acknowledged ones missing%n",
          load.registered.size(), load.completed.size(), load.unanswered.get(), load.refused.get(),
          invariants.tickets(), invariants.missing(given).size());
      invariants.assertAll(load);
      invariants.acknowledgedRegistrationsAreStored(given);
      invariants.acknowledgedRegistrationsAreStored(after);
      // Registering works again, and hands out no code that a caller was already given.
      assertThat(after).as("codes handed out after the restart").doesNotContainAnyElementsOf(given);
    }
  }
}
