package co.edu.idep.mesa.privacy;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.stereotype.Component;

/**
 * Makes {@link FullHistoryWithoutVariableDetails} available by name; application.yaml selects it
 * with {@code camunda.bpm.history-level}.
 */
@Component
public class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryLevels());
    levels.add(new FullHistoryWithoutVariableDetails());
    configuration.setCustomHistoryLevels(levels);
  }
}
