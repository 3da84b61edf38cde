package co.edu.idep.mesa.engine;

import org.apache.commons.lang3.exception.ExceptionUtils;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;

/**
 * What the engine throws at the agent who came second when several take or complete the same task at
 * once, as he is told of it. Camunda answers each with a 500 in English; each is a plain conflict with
 * a colleague: the task was claimed first ({@link TaskAlreadyClaimedException}), changed in the same
 * instant ({@link OptimisticLockingException}: the engine writes a task only at the version it read),
 * or already completed (the engine's "Cannot find task" {@link NullValueException}, or a refusal for
 * want of a permission on a task whose completion, in the same instant, took its permissions with it:
 * {@link #vanished}). Nothing of the refused request was kept.
 */
record TaskRaces(Response.Status status, String type, String message) {

  static final String CLAIMED = "Otra persona ya reclamó esta tarea. Actualice la lista de tareas para ver las que"
      + " siguen disponibles.";
  static final String CHANGED = "Otra persona modificó lo mismo al mismo tiempo que usted y su cambio no se guardó."
      + " Actualice la página e intente de nuevo si todavía corresponde.";
  static final String GONE = "Esta tarea ya no existe: otra persona la completó o el ticket siguió su curso."
      + " Actualice la lista de tareas.";

  /** The engine's words when a task command finds no task (EnsureUtil: "Cannot find task with id …"). */
  private static final String TASK_NOT_FOUND = "Cannot find task with id ";

  /** The race that {@code failure}, or one of its causes, reports, if any. */
  static Optional<TaskRaces> in(Throwable failure) {
    return ExceptionUtils.getThrowableList(failure).stream().map(TaskRaces::of).flatMap(Optional::stream).findFirst();
  }

  /** The race {@code t} itself reports, if any. */
  private static Optional<TaskRaces> of(Throwable t) {
    if (t instanceof TaskAlreadyClaimedException) {
      return Optional.of(new TaskRaces(Response.Status.CONFLICT, "TaskAlreadyClaimedException", CLAIMED));
    }
    if (t instanceof OptimisticLockingException) {
      return Optional.of(new TaskRaces(Response.Status.CONFLICT, "OptimisticLockingException", CHANGED));
    }
    if (isTaskGone(t)) return Optional.of(new TaskRaces(Response.Status.NOT_FOUND, "NotFoundException", GONE));
    return Optional.empty();
  }

  /**
   * A refusal for want of a permission on a task that no longer exists: the engine read the task,
   * then a colleague's completion deleted it and its permissions before the check. Told as "already
   * gone"; a task that still exists keeps its refusal (403).
   */
  static Optional<TaskRaces> vanished(Throwable failure) {
    if (!(failure instanceof AuthorizationException refusal) || refusal.getMissingAuthorizations() == null) {
      return Optional.empty();
    }
    Optional<String> taskId = refusal.getMissingAuthorizations().stream()
        .filter(missing -> Resources.TASK.resourceName().equals(missing.getResourceType()))
        .map(MissingAuthorization::getResourceId).filter(id -> id != null && !id.equals("*")).findFirst();
    ProcessEngine engine = ProcessEngines.getDefaultProcessEngine(false);
    if (taskId.isEmpty() || engine == null || exists(engine, taskId.get())) return Optional.empty();
    return Optional.of(new TaskRaces(Response.Status.NOT_FOUND, "NotFoundException", GONE));
  }

  private static boolean exists(ProcessEngine engine, String taskId) {
    Command<Boolean> find = context -> context.runWithoutAuthorization(
        () -> context.getTaskManager().findTaskById(taskId) != null);
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(find);
  }

  static boolean isTaskGone(Throwable t) {
    return t instanceof NullValueException && t.getMessage() != null && t.getMessage().startsWith(TASK_NOT_FOUND);
  }
}
