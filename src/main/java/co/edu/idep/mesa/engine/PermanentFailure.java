package co.edu.idep.mesa.engine;

/**
 * Marks an exception from an outside call that no retry can mend (a rejected API key, a request the
 * other side refuses): its job gets no more retries and shows as a Cockpit incident at once, with the
 * exception's Spanish message. Anything else fails its job as the diagram's retry cycle says.
 */
public interface PermanentFailure {

  /** Whether this failure is permanent; an exception class whose failures differ answers per instance. */
  default boolean permanent() {
    return true;
  }

  /** Whether {@code failure}, or one of its causes, is permanent. */
  static boolean in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PermanentFailure p && p.permanent()) return true;
    }
    return false;
  }
}
