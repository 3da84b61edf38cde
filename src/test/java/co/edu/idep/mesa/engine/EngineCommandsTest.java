package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/**
 * The guard reads what Camunda's commands would write from their protected fields: this fails at
 * once if an engine upgrade renames one, before any request could slip through.
 */
class EngineCommandsTest {

  static final Map<String, Object> VARIABLES = Map.of("requester", "jefe");

  @Test
  void startsCarryTheirProcessAndVariables() {
    var builder = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
        .createProcessInstanceByKey(null, "mesa-de-servicios").setVariables(VARIABLES);
    var start = EngineCommands.start(new StartProcessInstanceCmd(builder)).orElseThrow();
    assertThat(start.processDefinitionKey()).isEqualTo("mesa-de-servicios");
    assertThat(start.variables()).isEqualTo(VARIABLES);

    var form = EngineCommands.start(new SubmitStartFormCmd("definition-1", null, VARIABLES)).orElseThrow();
    assertThat(form.processDefinitionId()).isEqualTo("definition-1");
    assertThat(form.variables()).isEqualTo(VARIABLES);
  }

  @Test
  void completionsCarryTheirTaskAndVariables() {
    for (var command : List.of(new CompleteTaskCmd("task-1", VARIABLES), new ResolveTaskCmd("task-1", VARIABLES),
        new SubmitTaskFormCmd("task-1", VARIABLES, false, false))) {
      var completion = EngineCommands.completion(command).orElseThrow();
      assertThat(completion.taskId()).isEqualTo("task-1");
      assertThat(completion.variables()).isEqualTo(VARIABLES);
    }
  }

  @Test
  void variableCommandsOutsideFormsNameTheirVariables() {
    assertThat(EngineCommands.outsideForms(new SetTaskVariablesCmd("task-1", VARIABLES, false))).contains(VARIABLES.keySet());
    assertThat(EngineCommands.outsideForms(new SetExecutionVariablesCmd("execution-1", VARIABLES, true)))
        .contains(VARIABLES.keySet());
    assertThat(EngineCommands.outsideForms(new RemoveTaskVariablesCmd("task-1", List.of("topic"), false)))
        .contains(java.util.Set.of("topic"));
    assertThat(EngineCommands.outsideForms(new PatchExecutionVariablesCmd("execution-1", VARIABLES, List.of(), false)))
        .contains(VARIABLES.keySet());
    assertThat(EngineCommands.outsideForms(new SignalCmd("execution-1", "signal", null, VARIABLES))).isPresent();
  }

  @Test
  void commandsThatWriteNothingAreNoneOfThese() {
    var read = new GetTaskFormVariablesCmd("task-1", null, false);
    assertThat(EngineCommands.start(read)).isEmpty();
    assertThat(EngineCommands.completion(read)).isEmpty();
    assertThat(EngineCommands.outsideForms(read)).isEmpty();
  }
}
