package co.edu.idep.mesa.web;

import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private DatabaseFailures() {}

  /** The SQL failure behind {@code failure}, if any. */
  public static Optional<SQLException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) return Optional.of(sql);
    }
    return Optional.empty();
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
