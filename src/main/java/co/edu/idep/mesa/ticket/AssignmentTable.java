package co.edu.idep.mesa.ticket;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import co.edu.idep.mesa.engine.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The decision table {@code processes/asignacion-por-tema.dmn} (step 2): the group and the priority
 * of a topic. The office edits the table in Camunda Modeler, not this class; the engine deploys the
 * same file, so Cockpit shows what is applied.
 *
 * <p>Parsed once from the classpath and evaluated in memory, once per topic: the table does not
 * change while the application runs. What each ticket got is kept by its record and its timeline.
 */
@Component
public class AssignmentTable {

  public static final String DECISION_KEY = "asignacion-por-tema";
  static final String RESOURCE = "processes/asignacion-por-tema.dmn";

  /** The group (a Camunda group id) and the priority (ALTA, MEDIA, BAJA) the table gives a topic. */
  public record Assignment(String group, String priority) {}

  private final DmnEngine dmn;
  private final DmnDecision decision;
  private final Map<Topic, Assignment> evaluated = new ConcurrentHashMap<>();

  /** The table on the classpath, the one the engine deploys. */
  @Autowired
  public AssignmentTable(DmnEngine decisionTableEngine) {
    this(decisionTableEngine, DecisionTables.fromClasspath(decisionTableEngine, RESOURCE, DECISION_KEY));
  }

  AssignmentTable(DmnEngine dmn, DmnDecision decision) {
    this.dmn = dmn;
    this.decision = decision;
  }

  static DmnDecision parse(DmnEngine dmn, InputStream table) {
    return dmn.parseDecision(DECISION_KEY, table);
  }

  /**
   * @throws IllegalStateException when the table has no rule for the topic, or one without a group
   *     or priority: a table edited wrongly stops the step, visibly, in Cockpit
   */
  public Assignment of(Topic topic) {
    return evaluated.computeIfAbsent(topic, this::evaluate);
  }

  private Assignment evaluate(Topic topic) {
    DmnDecisionResultEntries row =
        dmn.evaluateDecision(decision, Map.of(TicketVariables.TOPIC.name(), topic.name())).getSingleResult();
    if (row == null) throw new IllegalStateException(DECISION_KEY + " has no rule for topic " + topic);
    // The table's outputs are named as the process variables they become.
    String group = row.getEntry(TicketVariables.CANDIDATE_GROUP.name());
    String priority = row.getEntry(TicketVariables.PRIORITY.name());
    if (group == null || group.isBlank() || priority == null || priority.isBlank()) {
      throw new IllegalStateException(DECISION_KEY + " gives topic " + topic + " no group or no priority");
    }
    return new Assignment(group, priority);
  }
}
