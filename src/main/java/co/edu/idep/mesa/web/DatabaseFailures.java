package co.edu.idep.mesa.web;

import org.apache.commons.lang3.exception.ExceptionUtils;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A database failure as the person is told of it: never the SQL, the table or the constraint, which
 * the driver's message carries. SQL state class 23 (integrity constraint violation) is the data
 * sent; anything else is the application's.
 */
public final class DatabaseFailures {

  private static final Logger log = LoggerFactory.getLogger(DatabaseFailures.class);

  public static final String CONSTRAINT_MESSAGE =
      "Los datos enviados contradicen datos ya registrados (por ejemplo, un código repetido) o exceden lo "
          + "permitido; revíselos e intente de nuevo.";
  public static final String UNEXPECTED_MESSAGE =
      "Ocurrió un error inesperado. Intente de nuevo; si persiste, comuníquese con la Oficina Asesora de Planeación.";

  private static final String HIKARI_CLOSED = "Connection is closed";

  /** How long a client is told to wait when the database cannot be reached. */
  public static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 10;

  private DatabaseFailures() {}

  /** The Spanish 503 with Retry-After, written straight to a servlet response (filters, the password check). */
  public static void writeUnavailable(HttpServletResponse response, ObjectMapper json) throws IOException {
    response.setHeader("Retry-After", Integer.toString(UNAVAILABLE_RETRY_AFTER_SECONDS));
    ApiError.write(response, json, HttpServletResponse.SC_SERVICE_UNAVAILABLE, unavailableMessage());
  }

  /** The answer to a request that found no database: nothing of it was kept, and it may be sent again. */
  public static String unavailableMessage() {
    return "La Mesa de Servicios no puede consultar su base de datos en este momento. Su solicitud no se "
        + "completó; intente de nuevo en " + UNAVAILABLE_RETRY_AFTER_SECONDS + " segundos.";
  }

  /**
   * Whether {@code failure} is the database being out of reach rather than anything the request did:
   * no connection to be had from the pool, or a connection that broke (SQL state class 08), or a
   * server that is shutting down or starting up (PostgreSQL's 57P01 to 57P03). It passes by itself.
   */
  public static boolean isConnectionFailure(Throwable failure) {
    return ExceptionUtils.getThrowableList(failure).stream().anyMatch(DatabaseFailures::isConnectionFailureItself);
  }

  /** One link of the chain of causes. */
  private static boolean isConnectionFailureItself(Throwable t) {
    // A rollback that failed too (its connection is gone) hides what the transaction met.
    if (t instanceof TransactionSystemException rolledBack && rolledBack.getApplicationException() != null
        && isConnectionFailure(rolledBack.getApplicationException())) {
      return true;
    }
    if (t instanceof CannotCreateTransactionException || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
      return true;
    }
    if (!(t instanceof SQLException sql)) return false;
    String state = sql.getSQLState();
    // What HikariCP throws, without SQL state, at a connection it already found dead and evicted
    // (the rollback or commit after the statement that met the outage).
    return state == null ? HIKARI_CLOSED.equals(sql.getMessage()) : state.startsWith("08") || state.startsWith("57P0");
  }

  /** One line, no stack trace: during an outage every request meets it, and the cause is known. */
  public static void logUnavailable(String where, Throwable failure) {
    SQLException sql = in(failure).orElse(null);
    log.warn("{} refused with 503: the database cannot be reached ({}, SQL state {})", where,
        (sql != null ? sql : failure).getClass().getName(), sql == null ? "-" : sql.getSQLState());
  }

  /** The SQL failure behind {@code failure}, if any. */
  public static Optional<SQLException> in(Throwable failure) {
    return Optional.ofNullable(ExceptionUtils.throwableOfType(failure, SQLException.class));
  }

  public static boolean isConstraintViolation(SQLException failure) {
    String state = failure.getSQLState();
    return state != null && state.startsWith("23");
  }

  /** By type and SQL state only: the message quotes the statement and its (personal) values. */
  public static void logUnexpected(SQLException failure) {
    log.error("Database failure: {} (SQL state {}, vendor code {})", failure.getClass().getName(),
        failure.getSQLState(), failure.getErrorCode());
  }
}
