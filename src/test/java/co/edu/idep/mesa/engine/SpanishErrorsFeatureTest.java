package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/** A database refusal reaches the person without its SQL, table or constraint. */
class SpanishErrorsFeatureTest {

  static final String SQL = "insert into ticket (code, ...) values (?, ...): duplicate key value violates "
      + "unique constraint \"ticket_pkey\"";

  static String message(Response response) {
    return ((ExceptionDto) response.getEntity()).getMessage();
  }

  @Test
  void aBrokenConstraintIsTheCallersDataAndSaysNothingOfTheDatabase() {
    Response response = SpanishErrorsFeature.answer(
        new ProcessEngineException("ENGINE-03051 " + SQL, new SQLIntegrityConstraintViolationException(SQL, "23505")),
        () -> { throw new AssertionError("Camunda's own handler would show the SQL"); });
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(message(response)).contains("revíselos").doesNotContain("ticket_pkey", "insert", "constraint");
  }

  @Test
  void anyOtherDatabaseFailureIsOursAndSaysNothingOfTheDatabaseEither() {
    Response response = SpanishErrorsFeature.answer(
        new ProcessEngineException(SQL, new SQLException(SQL, "XX000")),
        () -> { throw new AssertionError("Camunda's own handler would show the SQL"); });
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(message(response)).startsWith("Ocurrió un error inesperado").doesNotContain("ticket");
  }

  static Response camundaWouldAnswer500() {
    throw new AssertionError("Camunda's own handler would answer 500 in English");
  }

  @Test
  void aDatabaseOutOfReachIsA503WithRetryAfterAndNoSql() {
    Response broken = SpanishErrorsFeature.answer(new ProcessEnginePersistenceException(SQL,
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")),
        SpanishErrorsFeatureTest::camundaWouldAnswer500);
    Response noConnection = new SpanishErrorsFeature.UnavailableMapper().toResponse(new CannotCreateTransactionException(
        "Could not open JDBC Connection", new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
    for (Response response : java.util.List.of(broken, noConnection)) {
      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeaderString("Retry-After")).isEqualTo("10");
      assertThat(message(response)).contains("intente de nuevo en 10 segundos").doesNotContain("ticket", "JDBC", "Hikari");
    }
  }

  @Test
  void theAgentWhoCameSecondToATaskIsTold409Or404InSpanish() {
    Response claimed = SpanishErrorsFeature.answer(new TaskAlreadyClaimedException("42", "carrera01"),
        SpanishErrorsFeatureTest::camundaWouldAnswer500);
    assertThat(claimed.getStatus()).isEqualTo(409);
    assertThat(message(claimed)).isEqualTo(TaskRaces.CLAIMED);

    Response changed = SpanishErrorsFeature.answer(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new OptimisticLockingException("ENGINE-03005 Execution of 'DELETE TaskEntity[42]' failed"), "Cannot submit task form 42"),
        SpanishErrorsFeatureTest::camundaWouldAnswer500);
    assertThat(changed.getStatus()).isEqualTo(409);
    assertThat(message(changed)).isEqualTo(TaskRaces.CHANGED);

    Response gone = SpanishErrorsFeature.answer(new RestException(Response.Status.INTERNAL_SERVER_ERROR,
        new NullValueException("Cannot find task with id 42: task is null"), "Cannot submit task form 42"),
        SpanishErrorsFeatureTest::camundaWouldAnswer500);
    assertThat(gone.getStatus()).isEqualTo(404);
    assertThat(message(gone)).isEqualTo(TaskRaces.GONE);
  }

  @Test
  void anyOtherMissingValueIsStillCamundasToAnswer() {
    Response camunda = Response.status(400).build();
    assertThat(SpanishErrorsFeature.answer(new NullValueException("userId is null"), () -> camunda)).isSameAs(camunda);
  }
}
