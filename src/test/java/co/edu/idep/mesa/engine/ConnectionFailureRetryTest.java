package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.support.ApplicationTest;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A job that fails because the database blinked keeps its retries and runs again within seconds;
 * any other failure spends a retry and waits for the diagram's retry interval, as before
 * (PermanentFailurePlugin). Each on an asynchronous step with the help desk's retry cycle for outside
 * calls: 3 tries, 5 minutes apart.
 */
@ApplicationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionFailureRetryTest {

  static final String PROCESS = "prueba-reintentos";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;

  String deployment;

  /** What a delegate meets when PostgreSQL ends its session (a restart, a fail-over). */
  public static class DatabaseBlinks implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new DataAccessResourceFailureException("update ticket",
          new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
    }
  }

  /** A failure of the step itself. */
  public static class StepFails implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException("El paso falló");
    }
  }

  @BeforeAll
  void deploy() {
    var model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway()
          .condition("parpadeo", "${falla == 'parpadeo'}")
          .serviceTask("Parpadeo").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT5M")
          .camundaClass(DatabaseBlinks.class.getName()).endEvent()
        .moveToLastGateway()
          .condition("paso", "${falla == 'paso'}")
          .serviceTask("Paso").camundaAsyncBefore().camundaFailedJobRetryTimeCycle("R3/PT5M")
          .camundaClass(StepFails.class.getName()).endEvent()
        .done();
    deployment = repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn", model).deploy().getId();
  }

  @AfterAll
  void undeploy() {
    repository.deleteDeployment(deployment, true);
  }

  @Test
  void aDatabaseBlinkSpendsNoRetryAndIsTriedAgainSoon() {
    Job failed = failOnce("parpadeo");
    assertThat(failed.getRetries()).as("retries left").isEqualTo(3);
    assertThat(Duration.between(Instant.now(), failed.getDuedate().toInstant()))
        .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(11));
    assertThat(failed.getExceptionMessage()).as("the failure is kept with the job, as always").isEqualTo("update ticket");
    // Again and again: still no retry spent, hence no incident.
    assertThat(failOnce(failed).getRetries()).isEqualTo(3);
    assertThat(runtime.createIncidentQuery().processInstanceId(failed.getProcessInstanceId()).count()).isZero();
  }

  @Test
  void anyOtherFailureSpendsARetryAndWaitsForTheCycle() {
    Job failed = failOnce("paso");
    assertThat(failed.getRetries()).as("retries left").isEqualTo(2);
    assertThat(Duration.between(Instant.now(), failed.getDuedate().toInstant()))
        .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
  }

  private Job failOnce(String kind) {
    String instance = runtime.startProcessInstanceByKey(PROCESS, java.util.Map.of("falla", kind)).getId();
    return failOnce(management.createJobQuery().processInstanceId(instance).singleResult());
  }

  private Job failOnce(Job job) {
    assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(RuntimeException.class);
    return management.createJobQuery().jobId(job.getId()).singleResult();
  }
}
