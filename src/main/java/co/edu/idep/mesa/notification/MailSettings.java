package co.edu.idep.mesa.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mesa.mail.*}: see application.yaml for the values and why. The SMTP server itself is
 * Spring's {@code spring.mail.*}.
 *
 * @param from the sender address of every message
 * @param fromName the name shown with it
 * @param maxAttempts attempts to deliver a message before it is FALLIDO
 * @param backoff the wait after the first failed attempt; each further failure multiplies it
 * @param backoffMultiplier the factor of that growth
 * @param maxBackoff the longest wait between two attempts
 * @param claimTimeout how long a sender owns a message it took; longer than one SMTP exchange
 *     (the {@code mail.smtp.*timeout} properties), after which another node may take it over
 * @param batchSize messages one run delivers at most, so that a run ends and the next one starts fresh
 */
@ConfigurationProperties("mesa.mail")
public record MailSettings(String from, String fromName, int maxAttempts, Duration backoff,
    double backoffMultiplier, Duration maxBackoff, Duration claimTimeout, int batchSize, Sender sender,
    EmbeddedServer embeddedServer) {

  /** The scheduled sender; off in the test profile, where tests call {@link MailDelivery#deliverDue()}. */
  public record Sender(boolean enabled, Duration interval) {}

  /** GreenMail on the default profile: SMTP and IMAP on the loopback address only. */
  public record EmbeddedServer(boolean enabled, String host, int smtpPort, int imapPort) {}

  /** The wait before the next attempt, after {@code attempts} failed ones (1, 2, ...). */
  Duration backoffAfter(int attempts) {
    double factor = Math.pow(backoffMultiplier, Math.max(0, attempts - 1));
    double millis = Math.min(backoff.toMillis() * factor, maxBackoff.toMillis());
    return Duration.ofMillis((long) millis);
  }
}
