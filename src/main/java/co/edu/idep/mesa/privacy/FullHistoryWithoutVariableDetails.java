package co.edu.idep.mesa.privacy;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * Camunda's "full" history without one thing: the per-change copies of variable values and of
 * submitted form values ({@code ACT_HI_DETAIL}). Everything else stays — instances, activities, tasks, the latest value
 * of every variable, decisions, incidents, jobs and the user operation log that the audit trail
 * reads. Why: each change of a variable was stored twice in history, so an identification number
 * or a phone had one more copy to keep and to mask (Ley 1581: keep only what is needed), and the
 * copies were a tenth of the SQL a ticket registration runs (docs/benchmarks.md).
 *
 * <p>It reports the id of "full" (3) because it writes a subset of the same tables: a database
 * that an engine with "full" created keeps starting, and its earlier detail rows stay readable.
 */
public class FullHistoryWithoutVariableDetails implements HistoryLevel {

  public static final String NAME = "full-without-variable-details";

  @Override
  public int getId() {
    return HistoryLevel.HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
        && eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE
        && HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
  }
}
