package co.edu.idep.mesa.engine;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskDescriptionCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskNameCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskPriorityCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * What an engine command would write, read from the command object. Camunda keeps these in
 * protected fields, so they are read by reflection, by name; {@code EngineCommandsTest} fails at
 * once if an engine upgrade renames one, and an unreadable command is refused, never let through.
 */
final class EngineCommands {

  /** A start of a process with variables: by definition key or id. */
  record Start(String processDefinitionKey, String processDefinitionId, Map<String, ?> variables) {}

  /** The completion of a task with variables (complete, resolve, submit-form). */
  record Completion(String taskId, Map<String, ?> variables) {}

  /**
   * Commands that write variables, or move a process, outside any form: set, remove or patch
   * variables; modify, restart or migrate instances; correlate messages, send signals, evaluate
   * conditions; complete external tasks; set variables in batch. Kept to administrators.
   */
  private static final Set<String> OUTSIDE_FORMS = Set.of(
      "org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd",
      "org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd",
      "org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd",
      "org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd",
      "org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd",
      "org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd",
      "org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd",
      "org.camunda.bpm.engine.impl.cmd.SignalCmd",
      "org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd",
      "org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd",
      "org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd",
      "org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd");

  /**
   * A change to who works a task or to what it is: {@code user} is the person it would be given
   * to ({@code null} to release it); a group link names {@code group}; {@code properties} is set
   * when the task's name, description or priority would change.
   */
  record TaskChange(String taskId, Kind kind, String user, String group) {
    enum Kind { HOLDER, GROUP_LINK, USER_LINK, PROPERTIES, SAVE }
  }

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private EngineCommands() {}

  static Optional<Start> start(Command<?> command) {
    if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder =
          (ProcessInstantiationBuilderImpl) read(command, StartProcessInstanceCmd.class, "instantiationBuilder");
      return Optional.of(new Start(builder.getProcessDefinitionKey(), builder.getProcessDefinitionId(),
          orEmpty(builder.getVariables())));
    }
    if (command instanceof SubmitStartFormCmd) {
      return Optional.of(new Start(null, (String) read(command, SubmitStartFormCmd.class, "processDefinitionId"),
          orEmpty(variables(command, SubmitStartFormCmd.class, "variables"))));
    }
    return Optional.empty();
  }

  static Optional<Completion> completion(Command<?> command) {
    if (command instanceof CompleteTaskCmd) {  // ResolveTaskCmd too
      return Optional.of(new Completion((String) read(command, CompleteTaskCmd.class, "taskId"),
          orEmpty(variables(command, CompleteTaskCmd.class, "variables"))));
    }
    if (command instanceof SubmitTaskFormCmd) {
      return Optional.of(new Completion((String) read(command, SubmitTaskFormCmd.class, "taskId"),
          orEmpty(variables(command, SubmitTaskFormCmd.class, "properties"))));
    }
    return Optional.empty();
  }

  /** The variable names a command outside the forms would write; empty set if it names none. */
  static Optional<Set<String>> outsideForms(Command<?> command) {
    if (command instanceof AbstractSetVariableCmd) {
      return Optional.of(orEmpty(variables(command, AbstractSetVariableCmd.class, "variables")).keySet());
    }
    if (command instanceof AbstractRemoveVariableCmd) {
      @SuppressWarnings("unchecked")
      java.util.Collection<String> names =
          (java.util.Collection<String>) read(command, AbstractRemoveVariableCmd.class, "variableNames");
      return Optional.of(names == null ? Set.of() : Set.copyOf(names));
    }
    if (command instanceof AbstractPatchVariablesCmd) {
      return Optional.of(orEmpty(variables(command, AbstractPatchVariablesCmd.class, "variables")).keySet());
    }
    if (command instanceof AbstractCorrelateMessageCmd || OUTSIDE_FORMS.contains(command.getClass().getName())) {
      return Optional.of(Set.of());
    }
    return Optional.empty();
  }

  static Optional<TaskChange> taskChange(Command<?> command) {
    if (command instanceof AbstractAddIdentityLinkCmd) {
      String taskId = (String) read(command, AbstractSetTaskPropertyCmd.class, "taskId");
      String user = (String) read(command, AbstractAddIdentityLinkCmd.class, "userId");
      String group = (String) read(command, AbstractAddIdentityLinkCmd.class, "groupId");
      String type = (String) read(command, AbstractAddIdentityLinkCmd.class, "type");
      return Optional.of(holderOrLink(taskId, type, user, group));
    }
    if (command instanceof DeleteIdentityLinkCmd) {
      String taskId = (String) read(command, DeleteIdentityLinkCmd.class, "taskId");
      String type = (String) read(command, DeleteIdentityLinkCmd.class, "type");
      String group = (String) read(command, DeleteIdentityLinkCmd.class, "groupId");
      return Optional.of(IdentityLinkType.ASSIGNEE.equals(type) || IdentityLinkType.OWNER.equals(type)
          ? new TaskChange(taskId, TaskChange.Kind.HOLDER, null, null)
          : new TaskChange(taskId, group != null ? TaskChange.Kind.GROUP_LINK : TaskChange.Kind.USER_LINK, null, group));
    }
    if (command instanceof ClaimTaskCmd) {
      return Optional.of(new TaskChange((String) read(command, ClaimTaskCmd.class, "taskId"), TaskChange.Kind.HOLDER,
          (String) read(command, ClaimTaskCmd.class, "userId"), null));
    }
    if (command instanceof DelegateTaskCmd) {
      return Optional.of(new TaskChange((String) read(command, DelegateTaskCmd.class, "taskId"), TaskChange.Kind.HOLDER,
          (String) read(command, DelegateTaskCmd.class, "userId"), null));
    }
    if (command instanceof SaveTaskCmd) {
      TaskEntity task = (TaskEntity) read(command, SaveTaskCmd.class, "task");
      return Optional.of(new TaskChange(task.getId(), TaskChange.Kind.SAVE, null, null));
    }
    if (command instanceof SetTaskNameCmd || command instanceof SetTaskDescriptionCmd
        || command instanceof SetTaskPriorityCmd) {
      return Optional.of(new TaskChange((String) read(command, AbstractSetTaskPropertyCmd.class, "taskId"),
          TaskChange.Kind.PROPERTIES, null, null));
    }
    return Optional.empty();
  }

  /** The task as a person would save it (PUT /task/{id}): compared with the stored one by the guard. */
  static TaskEntity savedTask(Command<?> command) {
    return (TaskEntity) read(command, SaveTaskCmd.class, "task");
  }

  private static TaskChange holderOrLink(String taskId, String type, String user, String group) {
    if (IdentityLinkType.ASSIGNEE.equals(type) || IdentityLinkType.OWNER.equals(type)) {
      return new TaskChange(taskId, TaskChange.Kind.HOLDER, user, null);
    }
    return new TaskChange(taskId, group != null ? TaskChange.Kind.GROUP_LINK : TaskChange.Kind.USER_LINK, user, group);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> variables(Object command, Class<?> declaring, String name) {
    return (Map<String, ?>) read(command, declaring, name);
  }

  private static Map<String, ?> orEmpty(Map<String, ?> variables) {
    return variables == null ? Map.of() : variables;
  }

  static Object read(Object target, Class<?> declaring, String name) {
    Field field = FIELDS.computeIfAbsent(declaring.getName() + "#" + name, k -> {
      try {
        Field f = declaring.getDeclaredField(name);
        f.setAccessible(true);
        return f;
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("Camunda's " + declaring.getSimpleName() + " has no field " + name, e);
      }
    });
    try {
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
