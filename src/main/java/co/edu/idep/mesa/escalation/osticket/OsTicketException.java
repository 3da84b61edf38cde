package co.edu.idep.mesa.escalation.osticket;

import co.edu.idep.mesa.engine.PermanentFailure;

/**
 * The vendor's help desk did not open the case. The message is Spanish, for the operator who reads
 * it in a Cockpit incident; it never holds the API key, nor the case's text.
 *
 * <p>{@link #retryable()}: whether the same call may succeed later unchanged (the help desk down,
 * busy or slow, the network) — the job is retried. When it is false, trying again changes nothing
 * (a wrong key, a refused case) or may open a second case (the vendor answered "created" with
 * something that is not a case number): the escalation stops with an incident at once.
 *
 * <p>{@link #mayHaveOpened()}: whether the request may have reached the vendor and opened a case
 * whose number never came back (a timeout, a cut connection, a gateway's 502 or 504, a "created"
 * without a number). osTicket cannot be asked, so whoever sends it again may open a second case;
 * {@link #whatHappened()} is the failure without the advice on retrying, for a person to read.
 */
public class OsTicketException extends RuntimeException implements PermanentFailure {

  private final boolean retryable;
  private final String whatHappened;

  public OsTicketException(String message, boolean retryable) {
    this(message, retryable, null);
  }

  public OsTicketException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.whatHappened = null;
  }

  /** A failure after which the case may exist: {@code whatHappened}, then the advice of {@code message}. */
  public OsTicketException(String whatHappened, String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
    this.whatHappened = whatHappened;
  }

  public boolean mayHaveOpened() {
    return whatHappened != null;
  }

  /** The failure, without the advice; the whole message when the case cannot exist. */
  public String whatHappened() {
    return whatHappened != null ? whatHappened : getMessage();
  }

  public boolean retryable() {
    return retryable;
  }

  /** What cannot succeed later stops its job at once, with a Cockpit incident. */
  @Override
  public boolean permanent() {
    return !retryable;
  }
}
