package co.edu.idep.mesa.engine;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Gives the process engine's DMN engine the {@link CachingFeelEngine}. The starter picks up every
 * {@code ProcessEnginePlugin} bean; {@code preInit} runs before the DMN engine is built, and the
 * engine keeps a FEEL engine factory it is handed.
 */
@Component
public class FeelParseCachePlugin extends AbstractProcessEnginePlugin {

  private final long maximumSize;

  public FeelParseCachePlugin(@Value("${mesa.feel.parse-cache-size:10000}") long maximumSize) {
    this.maximumSize = maximumSize;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn, maximumSize));
  }
}
