package co.edu.idep.mesa.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A failed job whose exception is a {@link PermanentFailure} keeps Camunda's usual handling (the
 * exception and its message are stored with the job) and then has its retries set to zero, which
 * raises the incident at once instead of after the whole retry cycle.
 */
@Component
public class PermanentFailurePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new FailedJobCommandFactory() {
      @Override
      public Command<Object> getCommand(String jobId, Throwable exception) {
        return new DefaultJobRetryCmd(jobId, exception) {
          @Override
          public Object execute(CommandContext context) {
            Object result = super.execute(context);
            if (PermanentFailure.in(exception)) {
              JobEntity job = context.getJobManager().findJobById(jobId);
              if (job != null && job.getRetries() > 0) job.setRetries(0);
            }
            return result;
          }
        };
      }
    });
  }
}
