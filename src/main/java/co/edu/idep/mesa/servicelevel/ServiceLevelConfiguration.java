package co.edu.idep.mesa.servicelevel;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decision table of the service levels, parsed at start-up by the application's DMN engine. */
@Configuration
public class ServiceLevelConfiguration {

  @Bean
  ServiceLevelTable serviceLevelTable(DmnEngine decisionTableEngine) {
    return ServiceLevelTable.fromClasspath(decisionTableEngine);
  }
}
