package co.edu.idep.mesa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the database out of reach (503, retry later), and which are not. */
class DatabaseFailuresTest {

  @Test
  void theDatabaseOutOfReachInEachShapeItTakes() {
    // No connection to be had from the pool while the server is down.
    assertThat(DatabaseFailures.isConnectionFailure(new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    // A connection the server ended (PostgreSQL's fast shutdown) or that broke (SQL state class 08).
    assertThat(DatabaseFailures.isConnectionFailure(new ProcessEnginePersistenceException("ENGINE",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
    assertThat(DatabaseFailures.isConnectionFailure(new DataAccessResourceFailureException("insert",
        new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
    // The rollback failed as well: what the transaction met is kept beside the rollback's failure.
    TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
        new SQLException("This connection has been closed."));
    rollback.initApplicationException(new DataAccessResourceFailureException("insert",
        new SQLException("FATAL: terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseFailures.isConnectionFailure(rollback)).isTrue();
    // A commit on a connection the pool had already found dead and evicted.
    assertThat(DatabaseFailures.isConnectionFailure(new TransactionSystemException("JDBC commit failed",
        new SQLException("Connection is closed")))).isTrue();
  }

  @Test
  void anythingElseIsNot() {
    assertThat(DatabaseFailures.isConnectionFailure(new ProcessEnginePersistenceException("ENGINE",
        new SQLIntegrityConstraintViolationException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseFailures.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseFailures.isConnectionFailure(new TransactionSystemException("commit failed",
        new SQLException("serialization failure", "40001")))).isFalse();
  }
}
