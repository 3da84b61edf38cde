package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.notification.OutboxRepository.Claimed;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Each message is claimed in a short transaction of its own, sent
 * with no database connection held, and its outcome recorded in another: a sender never holds more
 * than one pooled connection, and never one while it waits for the mail server. A failed attempt is
 * retried after a growing wait; after the last one the message is FALLIDO and stays in
 * {@code /api/outbox}. When the server cannot be reached at all, the run stops at the first message,
 * so that an outage costs one attempt of one message per run, not one of every message.
 *
 * <p>A message is delivered once unless a node stops between handing it to the server and recording
 * it: its claim then runs out and another node sends it again, with the same Message-ID.
 */
@Component
public class MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

  /** What one run did. */
  public record Run(int sent, int failed, boolean serverUnreachable) {}

  private final OutboxRepository outbox;
  private final JavaMailSender mailSender;
  private final MailSettings settings;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public MailDelivery(OutboxRepository outbox, JavaMailSender mailSender, MailSettings settings,
      PlatformTransactionManager transactions, Clock clock) {
    this.outbox = outbox;
    this.mailSender = mailSender;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Sends the messages that are due, at most {@code mesa.mail.batch-size} of them. */
  public Run deliverDue() {
    int sent = 0;
    int failed = 0;
    while (sent + failed < settings.batchSize()) {
      Optional<Claimed> next = claimNext();
      if (next.isEmpty()) break;
      Claimed mail = next.get();
      try {
        mailSender.send(message(mail));
      } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
        // Also a message that cannot even be built: it ends FALLIDO instead of being claimed for ever.
        failed++;
        boolean unreachable = serverUnreachable(e);
        recordFailure(mail, e, unreachable);
        if (unreachable) return new Run(sent, failed, true);
        continue;
      }
      sent++;
      if (!outbox.sent(mail, clock.instant())) {
        log.warn("Mail {} ({}) was sent after its claim ran out; another node may send it again", mail.id(), mail.kind());
      }
    }
    return new Run(sent, failed, false);
  }

  private Optional<Claimed> claimNext() {
    String token = UUID.randomUUID().toString();
    // A claim lost to another node leaves 0 rows although messages are due: look again, a few times.
    for (int tries = 0; tries < 5; tries++) {
      Optional<Claimed> claimed = transaction.execute(status ->
          outbox.claimNext(token, clock.instant(), settings.claimTimeout()));
      if (claimed.isPresent() || !outbox.anyDue(clock.instant())) return claimed;
    }
    return Optional.empty();
  }

  private MimeMessage message(Claimed mail) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
        StandardCharsets.UTF_8.name());
    helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), StandardCharsets.UTF_8.name()));
    helper.setTo(mail.recipients().toArray(String[]::new));
    helper.setSubject(mail.subject());
    helper.setText(mail.text(), mail.html());
    // The same message has the same id at every attempt: a copy sent twice is recognisable as one.
    message.setHeader("Message-ID", messageId(mail));
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  private String messageId(Claimed mail) {
    String domain = settings.from().substring(settings.from().indexOf('@') + 1);
    return "<mesa." + mail.id() + "." + sha256(mail.idempotencyKey()).substring(0, 16) + "@" + domain + ">";
  }

  private void recordFailure(Claimed mail, Exception e, boolean unreachable) {
    Instant now = clock.instant();
    boolean last = mail.attempts() >= settings.maxAttempts();
    OutboxState state = last ? OutboxState.FALLIDO : OutboxState.PENDIENTE;
    Instant next = last ? now : now.plus(settings.backoffAfter(mail.attempts()));
    outbox.failed(mail, state, next, describe(e, unreachable));
    // Expected when the server is down: a line without stack trace, and no address or content.
    if (last) {
      log.warn("Mail {} ({}) not delivered after {} attempts: FALLIDO, see /api/outbox ({})", mail.id(), mail.kind(),
          mail.attempts(), rootCause(e).getClass().getSimpleName());
    } else {
      log.warn("Mail {} ({}) not delivered, attempt {} of {}; next at {} ({})", mail.id(), mail.kind(), mail.attempts(),
          settings.maxAttempts(), next, rootCause(e).getClass().getSimpleName());
    }
  }

  /** The server refused the connection or the login, as opposed to this one message. */
  static boolean serverUnreachable(Exception e) {
    // JavaMailSenderImpl: a failed connection is a MailSendException with its cause; a refused message
    // one with the failed messages only.
    return e instanceof MailAuthenticationException || (e instanceof MailSendException && e.getCause() != null);
  }

  static String describe(Exception e, boolean unreachable) {
    Throwable cause = e;
    if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
      cause = send.getFailedMessages().values().iterator().next();
    }
    cause = rootCause(cause);
    String prefix = e instanceof MailAuthenticationException
        ? "El servidor de correo rechazó el usuario o la contraseña"
        : unreachable ? "No se pudo conectar con el servidor de correo" : "El servidor de correo no aceptó el mensaje";
    return prefix + ": " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
    return cause;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
