package co.edu.idep.mesa.escalation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The escalation steps' retry cycle, which the diagram reads as {@code ${escalationRetryCycle}}. */
@Configuration
class EscalationConfiguration {

  @Bean
  String escalationRetryCycle(@Value("${mesa.escalation.retry-cycle}") String cycle) {
    // R<n>/<ISO duration>, as failedJobRetryTimeCycle takes it: a typo would only show when a job fails.
    if (!cycle.matches("R\\d+/P(T?\\d+[DHMS])+")) {
      throw new IllegalArgumentException("mesa.escalation.retry-cycle must look like R5/PT5M, not " + cycle);
    }
    return cycle;
  }
}
