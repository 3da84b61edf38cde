package co.edu.idep.mesa.accounts.directory;

/**
 * The directory did not answer (down, unreachable, timed out, busy). Nothing was decided: the
 * Camunda job retries on its cycle and, when retries run out, raises an incident whose retry
 * succeeds once the directory is back.
 */
public class DirectoryUnavailableException extends DirectoryException {

  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
