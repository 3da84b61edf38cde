package co.edu.idep.mesa.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.ThrowEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The main diagram's lanes show who does each step (issue 12): every step sits in exactly one lane,
 * the machine's steps in the system's lane, and a task given to a fixed person or group in that
 * role's lane. A task offered to the topic's group ({@code ${candidateGroup}}) is placed by the
 * procedure's own table, which only the diagram holds.
 */
class DiagramLanesTest {

  private static final BpmnModelInstance MODEL = Bpmn.readModelFromFile(new File("processes/mesa-de-servicios.bpmn"));

  private static final Map<String, String> LANE_OF_FIXED_PERFORMER = Map.of(
      "${requester}", "Solicitante",
      "jefe-oap", "Jefe OAP",
      "ingeniero-goobi", "Ingeniero Goobi");

  @Test
  void theLanesAreTheProceduresRoles() {
    assertThat(MODEL.getModelElementsByType(Lane.class)).extracting(Lane::getName).containsExactly(
        "Mesa de Servicios (sistema)", "Solicitante", "Técnico Operativo", "Contratista de sistemas de información",
        "Ingeniero Goobi", "Ingeniero web", "Jefe OAP");
  }

  @Test
  void everyStepSitsInExactlyOneLane() {
    Map<String, List<String>> lanesOf = MODEL.getModelElementsByType(FlowNode.class).stream()
        .collect(Collectors.toMap(FlowNode::getId, node -> lanesOf(node.getId())));
    assertThat(lanesOf).allSatisfy((node, lanes) -> assertThat(lanes).as(node).hasSize(1));
  }

  @Test
  void theMachinesStepsSitInTheSystemsLane() {
    List<FlowNode> machine = new java.util.ArrayList<>();
    machine.addAll(MODEL.getModelElementsByType(ServiceTask.class));
    machine.addAll(MODEL.getModelElementsByType(SendTask.class));
    machine.addAll(MODEL.getModelElementsByType(BusinessRuleTask.class));
    MODEL.getModelElementsByType(ThrowEvent.class).stream()
        .filter(event -> event.getEventDefinitions().stream().anyMatch(d -> d.getElementType().getTypeName()
            .equals("messageEventDefinition")))
        .forEach(machine::add);
    assertThat(machine).hasSizeGreaterThan(15)
        .allSatisfy(node -> assertThat(lanesOf(node.getId())).as(node.getId()).containsExactly("Mesa de Servicios (sistema)"));
  }

  @Test
  void aTaskForAFixedPersonOrGroupSitsInThatRolesLane() {
    Collection<UserTask> fixed = MODEL.getModelElementsByType(UserTask.class).stream()
        .filter(task -> performer(task) != null).toList();
    assertThat(fixed).extracting(UserTask::getId).contains("Task_VerifySolution", "Task_CorrectAccountRequest",
        "Task_DecideUnsolvedIncident", "Task_ResolveGoobiIncident");
    assertThat(fixed).allSatisfy(task -> assertThat(lanesOf(task.getId())).as(task.getId())
        .containsExactly(LANE_OF_FIXED_PERFORMER.get(performer(task))));
  }

  @Test
  void aBoundaryEventSitsInItsTasksLane() {
    assertThat(MODEL.getModelElementsByType(BoundaryEvent.class)).isNotEmpty().allSatisfy(event ->
        assertThat(lanesOf(event.getId())).as(event.getId()).isEqualTo(lanesOf(event.getAttachedTo().getId())));
  }

  /** Who the task is for when the diagram names him: the requester, the Jefe OAP or the Goobi engineer. */
  private static String performer(UserTask task) {
    if ("${requester}".equals(task.getCamundaAssignee())) return "${requester}";
    String groups = task.getCamundaCandidateGroups();
    return groups != null && LANE_OF_FIXED_PERFORMER.containsKey(groups) ? groups : null;
  }

  private static List<String> lanesOf(String nodeId) {
    return MODEL.getModelElementsByType(Lane.class).stream()
        .filter(lane -> lane.getFlowNodeRefs().stream().anyMatch(node -> node.getId().equals(nodeId)))
        .map(Lane::getName).toList();
  }
}
