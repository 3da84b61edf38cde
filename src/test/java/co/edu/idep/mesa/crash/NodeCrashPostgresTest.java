package co.edu.idep.mesa.crash;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApplicationProcess;
import co.edu.idep.mesa.support.PostgresDatabase;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Production's shape: two nodes, each in its own JVM, on one fresh PostgreSQL database, with the load
 * of {@link CrashLoad} spread over both (every other client on each). One node is killed with
 * SIGKILL half-way; the survivor goes on serving, and then holds everything that was answered with
 * success, nothing twice, no code handed out twice by the two nodes. The killed node starts again,
 * both register, and the same holds. Runs in CI (-Pci).
 */
@Tag("postgres")
class NodeCrashPostgresTest {

  @Test
  void theSurvivorAndTheRestartedNodeLoseNothingAcknowledged() throws Exception {
    PostgresDatabase database = PostgresDatabase.fresh("mesa_crash_test");
    // One after the other: the first start creates the schema (Flyway's tables and Camunda's).
    try (ApplicationProcess killed = ApplicationProcess.postgres("crash-pg-a", database).start();
        ApplicationProcess survivor = ApplicationProcess.postgres("crash-pg-b", database).start()) {
      ApiClient[] nodes = {new ApiClient(killed.port()), new ApiClient(survivor.port())};
      CrashScenario scenario = new CrashScenario(nodes[0], nodes[1]);
      Set<String> given = new HashSet<>(scenario.register(40));

      CrashLoad load = new CrashLoad(14, 10, scenario.reviewTasks(), client -> nodes[client % 2]);
      load.awaitRegistered(60, 90);
      killed.kill();
      int atKill = load.registered.size();
      // The survivor goes on alone for a while: half the clients now meet a dead node.
      load.awaitRegistered(atKill + 30, 60);
      load.stop();
      assertThat(load.unexpectedAnswers()).as("answers other than success or a polite 503").isEmpty();
      assertThat(load.registered.size()).as("registrations answered on the survivor after the kill").isGreaterThan(atKill);
      assertThat(load.completed).as("completions answered").isNotEmpty();
      given.addAll(load.registered);

      CrashInvariants invariants = new CrashInvariants(JdbcClient.create(database.dataSource()));
      System.out.printf("crash-pg: %d registrations (%d before the kill) and %d completions answered, %d requests"
          + " unanswered, %d refused with 503; %d tickets stored, %d acknowledged ones missing%n",
          load.registered.size(), atKill, load.completed.size(), load.unanswered.get(), load.refused.get(),
          invariants.tickets(), invariants.missing(given).size());
      invariants.assertAll(load);
      invariants.acknowledgedRegistrationsAreStored(given);

      killed.restart();
      Set<String> after = new CrashScenario(nodes[0], nodes[1]).register(6);
      assertThat(after).as("codes handed out after the restart, by both nodes").doesNotContainAnyElementsOf(given);
      invariants.assertAll(load);
      given.addAll(after);
      invariants.acknowledgedRegistrationsAreStored(given);
    }
  }
}
