package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.web.DatabaseFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Two agents who complete the same task at once are served one after the other. Camunda reads the
 * task, then its execution and variables as the listeners ask for them, and finds out at the end
 * (optimistic locking) that a colleague came first. Meanwhile the second completion's listeners may
 * read a ticket whose execution the first one already ended (a task with boundary timers has an
 * execution of its own): a variable is missing and the agent got a 500 ("No value present", seen
 * in CI on PostgreSQL). So every task completion first takes the task's row lock, before the engine
 * reads anything: it waits for a completion in flight, then reads what that one left and is told
 * in Spanish that the task is gone ({@link TaskRaces}). A claim (or any change of who holds the
 * task) waits the same way: its assignment listener reads the ticket too.
 *
 * <p>The interceptor runs first after the command context opens, on the command's own connection
 * and transaction; the lock lasts until that transaction ends, as the engine's own would.
 */
@Component
public class TaskCompletionLockPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        first(configuration.getCustomPostCommandInterceptorsTxRequired()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        first(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
  }

  // First, so that no other interceptor (the variable guard reads the task) caches it unlocked.
  private static List<CommandInterceptor> first(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, new LockTask());
    return all;
  }

  static final class LockTask extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      EngineCommands.completion(command).map(EngineCommands.Completion::taskId)
          .or(() -> EngineCommands.taskChange(command).filter(change -> change.kind() == EngineCommands.TaskChange.Kind.HOLDER)
              .map(EngineCommands.TaskChange::taskId))
          .ifPresent(LockTask::lock);
      return next.execute(command);
    }

    private static void lock(String taskId) {
      String table = Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_TASK";
      Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
      try (PreparedStatement select = connection.prepareStatement("select ID_ from " + table + " where ID_ = ? for update")) {
        select.setString(1, taskId);
        select.executeQuery().close();  // no row: the command says the task does not exist
      } catch (SQLException e) {
        if (DatabaseFailures.isConnectionFailure(e)) throw new ProcessEngineException("No se pudo leer la tarea", e);
        // The lock timed out, or the database refused to lock a row changed under it: a colleague's
        // change of the same task was in the way.
        throw new OptimisticLockingException("Task " + taskId + " was being changed by another command: " + e.getSQLState());
      }
    }
  }
}
