package co.edu.idep.mesa.engine;

import java.util.List;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;

/** Builds the {@link CachingFeelEngine} with the custom FEEL functions the DMN engine was given. */
public class CachingFeelEngineFactory implements FeelEngineFactory {

  private final DefaultDmnEngineConfiguration dmnConfiguration;
  private final long maximumSize;

  public CachingFeelEngineFactory(DefaultDmnEngineConfiguration dmnConfiguration, long maximumSize) {
    this.dmnConfiguration = dmnConfiguration;
    this.maximumSize = maximumSize;
  }

  @Override
  public FeelEngine createInstance() {
    // Read at creation, not at construction: the process engine adds its providers in between.
    var providers = dmnConfiguration.getFeelCustomFunctionProviders();
    return new CachingFeelEngine(providers == null ? List.of() : providers, maximumSize);
  }
}
