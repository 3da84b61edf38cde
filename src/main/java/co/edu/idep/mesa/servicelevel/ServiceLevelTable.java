package co.edu.idep.mesa.servicelevel;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import co.edu.idep.mesa.engine.DecisionTables;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * The decision table {@code processes/niveles-de-servicio.dmn}: the targets of a topic and
 * priority. The office edits the table in Camunda Modeler, not this class.
 *
 * <p>The table is parsed once from the application's classpath — the same file the engine deploys,
 * so Cockpit shows what is applied — and evaluated with a DMN engine in memory: no engine command,
 * no authorization check and no history rows on the caller's transaction, which stays as cheap as
 * registering a ticket needs (docs/benchmarks.md). What a ticket was promised is kept with its
 * targets ({@code ticket_service_level}), so nothing is lost by not writing decision history.
 */
public class ServiceLevelTable {

  public static final String DECISION_KEY = "niveles-de-servicio";
  public static final String RESOURCE = "processes/niveles-de-servicio.dmn";

  private final DmnEngine dmn;
  private final DmnDecision decision;
  /** The table is parsed once, so a topic and priority always get the same targets: evaluated once each. */
  private final Map<String, ServiceLevelTargets> evaluated = new ConcurrentHashMap<>();

  public ServiceLevelTable(DmnEngine dmn, InputStream table) {
    this(dmn, dmn.parseDecision(DECISION_KEY, table));
  }

  private ServiceLevelTable(DmnEngine dmn, DmnDecision decision) {
    this.dmn = dmn;
    this.decision = decision;
  }

  /** The table on the classpath, evaluated by {@code dmn}. */
  public static ServiceLevelTable fromClasspath(DmnEngine dmn) {
    return new ServiceLevelTable(dmn, DecisionTables.fromClasspath(dmn, RESOURCE, DECISION_KEY));
  }

  /**
   * The targets of {@code topic} (a {@code Topic} code) and {@code priority} (ALTA, MEDIA, BAJA).
   *
   * @throws IllegalStateException when the table has no rule for them, or gives a target that is not
   *     a positive number of hours: a table edited wrongly stops the step, visibly, in Cockpit
   */
  public ServiceLevelTargets targets(String topic, String priority) {
    ServiceLevelTargets known = evaluated.get(topic + "/" + priority);
    if (known != null) return known;
    ServiceLevelTargets targets = evaluate(topic, priority);
    evaluated.put(topic + "/" + priority, targets);
    return targets;
  }

  private ServiceLevelTargets evaluate(String topic, String priority) {
    DmnDecisionResultEntries row = dmn.evaluateDecision(decision, Map.of(
        "topic", String.valueOf(topic), "priority", String.valueOf(priority))).getSingleResult();
    if (row == null) {
      throw new IllegalStateException(DECISION_KEY + " has no rule for topic " + topic + " and priority " + priority);
    }
    try {
      return new ServiceLevelTargets(hours(row, ServiceLevelKind.FIRST_ATTENTION), hours(row, ServiceLevelKind.RESOLUTION));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(DECISION_KEY + " for topic " + topic + " and priority " + priority + ": "
          + e.getMessage(), e);
    }
  }

  private static int hours(DmnDecisionResultEntries row, ServiceLevelKind kind) {
    Object value = row.getEntry(kind.tableOutput());
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException("output " + kind.tableOutput() + " is not a number: " + value);
    }
    return number.intValue();
  }
}
