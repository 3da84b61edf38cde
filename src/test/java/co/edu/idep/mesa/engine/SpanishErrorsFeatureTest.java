package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.junit.jupiter.api.Test;

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
        new ProcessEngineException(SQL, new SQLException(SQL, "08006")),
        () -> { throw new AssertionError("Camunda's own handler would show the SQL"); });
    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(message(response)).startsWith("Ocurrió un error inesperado").doesNotContain("ticket");
  }
}
