package co.edu.idep.mesa.engine;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The DMN engine that evaluates the application's decision tables in memory ({@code
 * asignacion-por-tema}, {@code niveles-de-servicio}): the same files the process engine deploys, so
 * Cockpit shows what is applied, parsed once at start-up (a table edited wrongly stops the
 * application there). Evaluating them here costs a registration no engine command, no query and no
 * history rows (docs/benchmarks.md). Like the process engine's, it parses each FEEL cell once.
 */
@Configuration
public class DecisionTableConfiguration {

  @Bean
  public DmnEngine decisionTableEngine(@Value("${mesa.feel.parse-cache-size:10000}") long parseCacheSize) {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn, parseCacheSize));
    return dmn.buildEngine();
  }
}
