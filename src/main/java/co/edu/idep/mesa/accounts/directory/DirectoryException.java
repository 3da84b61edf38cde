package co.edu.idep.mesa.accounts.directory;

/**
 * The directory refused an operation for a reason that a retry will not change by itself (wrong
 * configuration, missing permission, a schema that lacks an attribute). The asynchronous job that
 * called it ends in a Cockpit incident with this Spanish message.
 */
public class DirectoryException extends RuntimeException {

  public DirectoryException(String message) {
    super(message);
  }

  public DirectoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
