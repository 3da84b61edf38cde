package co.edu.idep.mesa.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.engine.DecisionTableConfiguration;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.AssignmentTable.Assignment;
import co.edu.idep.mesa.ticket.field.Priority;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.Test;

/** The assignment of step 2, as the office's decision table gives it. */
class AssignmentTableTest {

  private final DmnEngine dmn = new DecisionTableConfiguration().decisionTableEngine(100);
  private final AssignmentTable table = new AssignmentTable(dmn);

  @Test
  void everyTopicGetsAKnownGroupAndPriority() {
    for (Topic topic : Topic.values()) {
      Assignment assignment = table.of(topic);
      assertThat(Roles.NAMES).as(topic.name()).containsKey(assignment.group());
      assertThat(Priority.fromCode(assignment.priority())).as(topic.name()).isPresent();
    }
  }

  @Test
  void theTableDecides() {
    assertThat(table.of(Topic.SOPORTE_TECNICO)).isEqualTo(new Assignment("tecnico-operativo", "ALTA"));
    assertThat(table.of(Topic.SOPORTE_WEB)).isEqualTo(new Assignment("ingeniero-web", "MEDIA"));
    assertThat(table.of(Topic.SOPORTE_GOOBI)).isEqualTo(new Assignment("sistemas-informacion", "MEDIA"));
  }

  @Test
  void aTableEditedWithoutARuleForATopicStopsTheStep() throws Exception {
    // The office removed the web rule: the step fails visibly instead of assigning nobody.
    String edited = Files.readString(Path.of("processes/asignacion-por-tema.dmn"))
        .replace("\"SOPORTE_WEB\"", "\"OTRO_TEMA\"");
    AssignmentTable broken = new AssignmentTable(dmn,
        AssignmentTable.parse(dmn, new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8))));

    assertThat(broken.of(Topic.SOPORTE_TECNICO).group()).isEqualTo("tecnico-operativo");
    assertThatThrownBy(() -> broken.of(Topic.SOPORTE_WEB))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no rule for topic SOPORTE_WEB");
  }
}
