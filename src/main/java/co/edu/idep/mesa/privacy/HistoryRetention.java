package co.edu.idep.mesa.privacy;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Applies the configured history time-to-live ({@code mesa.history.time-to-live-days}) to the
 * deployed help-desk process and decision, so the office changes it by configuration, not by
 * redeploying the diagrams. Camunda's history cleanup removes what has expired, in its nightly
 * window (application.yaml).
 */
@Component
public class HistoryRetention implements ApplicationRunner {

  private final RepositoryService repository;
  private final int days;

  public HistoryRetention(RepositoryService repository, @Value("${mesa.history.time-to-live-days}") int days) {
    this.repository = repository;
    this.days = days;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery()
        .processDefinitionKey(TicketVariables.PROCESS_KEY).list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
      }
    }
    for (DecisionDefinition definition : repository.createDecisionDefinitionQuery()
        .decisionDefinitionKey("asignacion-por-tema").list()) {
      if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
        repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
      }
    }
  }
}
