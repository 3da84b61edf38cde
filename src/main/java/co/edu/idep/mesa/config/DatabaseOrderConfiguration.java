package co.edu.idep.mesa.config;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates the domain tables before the engine creates its own, so Flyway never meets a
 * non-empty schema it did not expect on a first start.
 */
@Configuration
public class DatabaseOrderConfiguration {

  @Bean
  static ProcessEngineDependsOnFlyway processEngineDependsOnFlyway() {
    return new ProcessEngineDependsOnFlyway();
  }

  static class ProcessEngineDependsOnFlyway extends AbstractDependsOnBeanFactoryPostProcessor {
    ProcessEngineDependsOnFlyway() {
      super(ProcessEngine.class, "flywayInitializer");
    }
  }
}
