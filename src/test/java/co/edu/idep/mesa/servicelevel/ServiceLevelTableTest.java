package co.edu.idep.mesa.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.engine.CachingFeelEngineFactory;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.field.Priority;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * processes/niveles-de-servicio.dmn, as the office may edit it: whatever the hours, every topic and
 * priority has exactly one row with two positive targets. No test fixes the hours themselves.
 */
class ServiceLevelTableTest {

  static final Path FILE = Path.of("processes/niveles-de-servicio.dmn");
  static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest
  @EnumSource(Topic.class)
  void everyTopicAndPriorityHasExactlyOneRowWithTwoPositiveTargets(Topic topic) throws Exception {
    for (Priority priority : Priority.values()) {
      DmnDecisionResult result = evaluate(DMN, topic.name(), priority.name());

      assertThat(result.getResultList()).as(topic + " " + priority).hasSize(1);
      Map<String, Object> row = result.getSingleResult().getEntryMap();
      assertThat(row).as(topic + " " + priority).containsOnlyKeys("firstAttentionHours", "resolutionHours");
      assertThat(row.get("firstAttentionHours")).isInstanceOf(Integer.class);
      assertThat((Integer) row.get("firstAttentionHours")).as(topic + " " + priority).isPositive();
      assertThat((Integer) row.get("resolutionHours")).as(topic + " " + priority)
          .isPositive().isGreaterThanOrEqualTo((Integer) row.get("firstAttentionHours"));
    }
  }

  /** A higher priority never gets more time than a lower one of the same topic. */
  @ParameterizedTest
  @EnumSource(Topic.class)
  void aHigherPriorityIsNeverSlower(Topic topic) {
    ServiceLevelTable table = ServiceLevelTable.fromClasspath(DMN);
    List<ServiceLevelTargets> byPriority = Arrays.stream(Priority.values()) // ALTA, MEDIA, BAJA
        .map(p -> table.targets(topic.name(), p.name())).toList();
    for (int i = 1; i < byPriority.size(); i++) {
      assertThat(byPriority.get(i).firstAttentionHours()).isGreaterThanOrEqualTo(byPriority.get(i - 1).firstAttentionHours());
      assertThat(byPriority.get(i).resolutionHours()).isGreaterThanOrEqualTo(byPriority.get(i - 1).resolutionHours());
    }
  }

  /** The application evaluates it with the engine's FEEL parse cache: same answers. */
  @Test
  void theEnginesCachingFeelGivesTheSameTargets() throws Exception {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new CachingFeelEngineFactory(configuration, 100));
    ServiceLevelTable cached = ServiceLevelTable.fromClasspath(configuration.buildEngine());
    for (Topic topic : Topic.values()) {
      for (Priority priority : Priority.values()) {
        DmnDecisionResult plain = evaluate(DMN, topic.name(), priority.name());
        assertThat(cached.targets(topic.name(), priority.name())).isEqualTo(new ServiceLevelTargets(
            plain.getSingleResult().getEntry("firstAttentionHours"), plain.getSingleResult().getEntry("resolutionHours")));
      }
    }
  }

  @Test
  void anUnknownTopicOrPriorityStopsTheStepInsteadOfGuessing() {
    ServiceLevelTable table = ServiceLevelTable.fromClasspath(DMN);
    assertThatThrownBy(() -> table.targets("OTRO", "ALTA")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no rule for topic OTRO and priority ALTA");
    assertThatThrownBy(() -> table.targets("SOPORTE_TECNICO", "URGENTE")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> table.targets("SOPORTE_TECNICO", null)).isInstanceOf(IllegalStateException.class);
  }

  /** Deployable (history time to live), drawn by Camunda Modeler (DMNDI), and its rows name known codes. */
  @Test
  void theTableIsDeployableDrawnAndNamesOnlyKnownCodes() {
    DmnModelInstance model = Dmn.readModelFromFile(new File(FILE.toString()));
    Decision decision = model.getModelElementById(ServiceLevelTable.DECISION_KEY);
    assertThat(decision.getName()).isEqualTo("Niveles de servicio");
    assertThat(decision.getCamundaHistoryTimeToLiveString()).isEqualTo("180");
    DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
    assertThat(table.getHitPolicy()).isIn(HitPolicy.UNIQUE, HitPolicy.FIRST);
    assertThat(model.getDocumentElement().getDomElement().getChildElementsByNameNs(
        "https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNDI")).hasSize(1);

    List<String> topics = Arrays.stream(Topic.values()).map(t -> "\"" + t.name() + "\"").toList();
    List<String> priorities = Arrays.stream(Priority.values()).map(p -> "\"" + p.name() + "\"").toList();
    for (Rule rule : table.getRules()) {
      List<String> inputs = rule.getInputEntries().stream().map(e -> e.getText().getTextContent().strip()).toList();
      assertThat(inputs.get(0)).as(rule.getId()).isIn(topics);
      assertThat(inputs.get(1)).as(rule.getId()).isIn(priorities);
    }
  }

  private static DmnDecisionResult evaluate(DmnEngine engine, String topic, String priority) throws Exception {
    try (InputStream dmn = Files.newInputStream(FILE)) {
      DmnDecision decision = engine.parseDecision(ServiceLevelTable.DECISION_KEY, dmn);
      return engine.evaluateDecision(decision, Map.of("topic", topic, "priority", priority));
    }
  }
}
