package co.edu.idep.mesa.servicelevel;

import co.edu.idep.mesa.engine.CachingFeelEngineFactory;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision table of the service levels, parsed at start-up (a table edited wrongly stops the
 * application there). It gets a DMN engine of its own: the process engine's one parses decisions
 * only inside its deployments. Like that one, it parses each FEEL cell once (CachingFeelEngine).
 */
@Configuration
public class ServiceLevelConfiguration {

  @Bean
  ServiceLevelTable serviceLevelTable(@Value("${mesa.feel.parse-cache-size:10000}") long parseCacheSize) {
    DefaultDmnEngineConfiguration dmn =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(new CachingFeelEngineFactory(dmn, parseCacheSize));
    return ServiceLevelTable.fromClasspath(dmn.buildEngine());
  }
}
