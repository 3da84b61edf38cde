package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.web.DatabaseFailures;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How a failed job counts its failure. Camunda's usual handling (the exception and its message are
 * stored with the job, the diagram's retry cycle decides when it runs again) with two exceptions:
 * <ul>
 *   <li>a {@link PermanentFailure} has its retries set to zero, which raises the incident at once
 *   instead of after the whole retry cycle;</li>
 *   <li>a failure of the application's own database connection ({@link DatabaseFailures#isConnectionFailure})
 *   costs no retry and runs again after {@code mesa.jobs.connection-failure-retry-delay}: the job did
 *   nothing wrong, the database blinked (a restart, a fail-over). Its SQL goes only to that database,
 *   so should it stay away, nothing else works either and the health check says so.</li>
 * </ul>
 */
@Component
public class PermanentFailurePlugin extends AbstractProcessEnginePlugin {

  private final Duration connectionFailureDelay;

  public PermanentFailurePlugin(
      @Value("${mesa.jobs.connection-failure-retry-delay:10s}") Duration connectionFailureDelay) {
    this.connectionFailureDelay = connectionFailureDelay;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new FailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return new DefaultJobRetryCmd(jobId, exception) {
          @Override
          public Object execute(CommandContext context) {
            Object result = super.execute(context);
            JobEntity job = context.getJobManager().findJobById(jobId);
            if (job == null) return result;
            if (PermanentFailure.in(exception)) {
              if (job.getRetries() > 0) job.setRetries(0);
            } else if (DatabaseFailures.isConnectionFailure(exception)) {
              // Soon, not after the cycle's interval meant for outside calls: the database is back.
              job.setDuedate(new Date(ClockUtil.getCurrentTime().getTime() + connectionFailureDelay.toMillis()));
            }
            return result;
          }

          @Override
          protected boolean shouldDecrementRetriesFor(Throwable t) {
            return super.shouldDecrementRetriesFor(t) && !DatabaseFailures.isConnectionFailure(t);
          }
        };
      }
    });
  }
}
