package co.edu.idep.mesa.engine;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * Who may hold a task. The diagram decides which group attends a ticket and who verifies its
 * solution; a person working a task may take it, release it or pass it to a colleague of its
 * group, but not give it to anyone else, change its groups, or rename or re-prioritise it.
 * Administrators are not asked (see {@link VariableWriteGuard}).
 */
final class TaskHolders {

  private TaskHolders() {}

  static void check(EngineCommands.TaskChange change, Command<?> command) {
    CommandContext context = Context.getCommandContext();
    TaskEntity task = context.getTaskManager().findTaskById(change.taskId());
    if (task == null) return;  // the command itself says the task does not exist
    switch (change.kind()) {
      case GROUP_LINK, USER_LINK -> refuse("Solo un administrador puede cambiar a quién se ofrece una tarea.");
      case PROPERTIES -> refuse("Solo un administrador puede cambiar el nombre, la descripción o la prioridad de una tarea.");
      case HOLDER -> checkHolder(context, task, change.user());
      case SAVE -> checkSaved(context, task, EngineCommands.savedTask(command));
    }
  }

  private static void checkHolder(CommandContext context, TaskEntity task, String user) {
    Set<String> groups = candidateGroups(task);
    if (user == null) {
      // Released back to its groups; a task that only its holder works (the verification) is not.
      if (groups.isEmpty()) refuse("Esta tarea solo la puede atender la persona a quien está asignada.");
      return;
    }
    if (user.equals(context.getAuthentication().getUserId()) || user.equals(task.getAssignee())) return;
    boolean colleague = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
        .createGroupQuery().groupMember(user).list().stream().map(Group::getId).anyMatch(groups::contains));
    if (!colleague) {
      refuse("La tarea solo se puede asignar a un integrante de los grupos que la atienden.");
    }
  }

  /** PUT /task/{id}: dates may change (follow-up, due); who holds it and what it is may not. */
  private static void checkSaved(CommandContext context, TaskEntity stored, TaskEntity saved) {
    if (!Objects.equals(stored.getName(), saved.getName())
        || !Objects.equals(stored.getDescription(), saved.getDescription())
        || stored.getPriority() != saved.getPriority()
        || !Objects.equals(stored.getParentTaskId(), saved.getParentTaskId())) {
      refuse("Solo un administrador puede cambiar el nombre, la descripción o la prioridad de una tarea.");
    }
    if (!Objects.equals(stored.getAssignee(), saved.getAssignee())) checkHolder(context, stored, saved.getAssignee());
    if (!Objects.equals(stored.getOwner(), saved.getOwner())) checkHolder(context, stored, saved.getOwner());
  }

  private static Set<String> candidateGroups(TaskEntity task) {
    return task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId).collect(Collectors.toSet());
  }

  private static void refuse(String message) {
    throw new AuthorizationException(message);
  }
}
