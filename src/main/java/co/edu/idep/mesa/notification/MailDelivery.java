package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.notification.MailRecipients.Resolved;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox over SMTP. Each message is claimed in a short transaction of its own; then,
 * with no transaction open, its audience is looked up ({@link MailRecipients}: one identity query
 * at a time, each on a connection it returns at once), its template rendered ({@link MailTemplates})
 * and the message sent, with no database connection held; its outcome is recorded in another short
 * transaction. A sender never holds more than one pooled connection, and never one while it waits
 * for the mail server.
 *
 * <p>A failed attempt is retried after a growing wait; after the last one the message is FALLIDO and
 * stays in {@code /api/outbox}. When the server cannot be reached at all, the run stops at the first
 * message, so that an outage costs one attempt of one message per run, not one of every message. A
 * message that cannot be built (its template fails, its model or audience cannot be read) is
 * FALLIDO at once: trying again would fail the same way. A message whose audience has nobody with an
 * address is SIN_DESTINATARIO («Nadie a quien enviarlo: …»), and is not rendered. When a message is
 * sent, or ends SIN_DESTINATARIO, the users found without an address are told to every
 * {@link UndeliverableRecipients} in the transaction that records that outcome (not when it fails:
 * whether they would have been reached is known only once it goes).
 *
 * <p>A message is delivered once unless a node stops between handing it to the server and recording
 * it: its claim then runs out and another node sends it again, with the same Message-ID.
 */
@Component
public class MailDelivery {

  private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

  /**
   * What one run did: messages sent, attempts that failed, messages nobody could receive (no
   * address), and whether it stopped because the mail server could not be reached.
   */
  public record Run(int sent, int failed, int withoutRecipient, boolean serverUnreachable) {

    /** Messages this run took: none means nothing was due. */
    public int handled() {
      return sent + failed + withoutRecipient;
    }
  }

  private final OutboxRepository outbox;
  private final MailRecipients recipients;
  private final MailTemplates templates;
  private final List<UndeliverableRecipients> undeliverable;
  private final JavaMailSender mailSender;
  private final MailSettings settings;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;
  private final Clock clock;

  @Autowired
  public MailDelivery(OutboxRepository outbox, MailRecipients recipients, MailTemplates templates,
      ObjectProvider<UndeliverableRecipients> undeliverable, JavaMailSender mailSender, MailSettings settings,
      PlatformTransactionManager transactions, Clock clock) {
    this(outbox, recipients, templates, undeliverable.orderedStream().toList(), mailSender, settings, transactions,
        clock);
  }

  public MailDelivery(OutboxRepository outbox, MailRecipients recipients, MailTemplates templates,
      List<UndeliverableRecipients> undeliverable, JavaMailSender mailSender, MailSettings settings,
      PlatformTransactionManager transactions, Clock clock) {
    this.outbox = outbox;
    this.recipients = recipients;
    this.templates = templates;
    this.undeliverable = List.copyOf(undeliverable);
    this.mailSender = mailSender;
    this.settings = settings;
    this.transaction = new TransactionTemplate(transactions);
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    this.clock = clock;
  }

  /** A message ready to go: its addresses and its content. */
  private record Ready(Resolved to, Map<String, Object> model, RenderedMail content) {}

  /** Sends the messages that are due, at most {@code mesa.mail.batch-size} of them. */
  public Run deliverDue() {
    int sent = 0;
    int failed = 0;
    int withoutRecipient = 0;
    while (sent + failed + withoutRecipient < settings.batchSize()) {
      Optional<Claimed> next = claimNext();
      if (next.isEmpty()) break;
      Claimed mail = next.get();
      Ready ready = prepare(mail);
      if (ready == null) {
        failed++;
        continue;
      }
      if (ready.to().addresses().isEmpty()) {
        withoutRecipient++;
        recordWithoutRecipient(mail, ready);
        continue;
      }
      try {
        mailSender.send(message(mail, ready));
      } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
        // Also a message that cannot even be built: it ends FALLIDO instead of being claimed for ever.
        failed++;
        boolean unreachable = serverUnreachable(e);
        recordFailure(mail, describe(e, unreachable), ready.to().addresses(), false, e);
        if (unreachable) return new Run(sent, failed, withoutRecipient, true);
        continue;
      }
      sent++;
      recordSent(mail, ready);
    }
    return new Run(sent, failed, withoutRecipient, false);
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

  /**
   * Reads the message, looks its audience up and renders it; null after recording a failure. Nothing
   * to render when nobody has an address.
   */
  private Ready prepare(Claimed mail) {
    Audience audience;
    Map<String, Object> model;
    try {
      audience = Audience.fromJson(mail.audience());
      model = MailModel.fromJson(mail.model());
    } catch (RuntimeException e) {
      recordFailure(mail, "No se pudo leer el mensaje del buzón de salida: " + summary(e), null, true, e);
      return null;
    }
    Resolved to;
    try {
      to = recipients.resolve(audience);
    } catch (RuntimeException e) {
      // The identity service (its database, a directory) may be back at the next attempt.
      recordFailure(mail, "No se pudo consultar las direcciones de los destinatarios: " + summary(e), null, false, e);
      return null;
    }
    if (to.addresses().isEmpty()) return new Ready(to, model, null);
    try {
      return new Ready(to, model, templates.render(mail.template(), model));
    } catch (RuntimeException e) {
      recordFailure(mail, "No se pudo componer el mensaje con la plantilla «" + mail.template() + "»: " + withContext(e),
          to.addresses(), true, e);
      return null;
    }
  }

  private MimeMessage message(Claimed mail, Ready ready) throws MessagingException, UnsupportedEncodingException {
    MimeMessage message = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
        StandardCharsets.UTF_8.name());
    helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), StandardCharsets.UTF_8.name()));
    helper.setTo(ready.to().addresses().toArray(String[]::new));
    // A header on one line: a line break in a subject would start a new header.
    helper.setSubject(ready.content().subject().replaceAll("\\s+", " ").strip());
    helper.setText(ready.content().text(), ready.content().html());
    // The same message has the same id at every attempt: a copy sent twice is recognisable as one.
    message.setHeader("Message-ID", messageId(mail));
    message.setHeader("Auto-Submitted", "auto-generated");
    return message;
  }

  private String messageId(Claimed mail) {
    String domain = settings.from().substring(settings.from().indexOf('@') + 1);
    return "<mesa." + mail.id() + "." + sha256(mail.idempotencyKey()).substring(0, 16) + "@" + domain + ">";
  }

  private void recordSent(Claimed mail, Ready ready) {
    boolean recorded = Boolean.TRUE.equals(transaction.execute(status -> {
      if (!outbox.sent(mail, clock.instant(), ready.to().addresses())) return false;
      reportWithoutAddress(mail, ready);
      return true;
    }));
    if (!recorded) {
      log.warn("Mail {} ({}) was sent after its claim ran out; another node may send it again", mail.id(), mail.kind());
    }
  }

  private void recordWithoutRecipient(Claimed mail, Ready ready) {
    String error = nobody(ready.to());
    transaction.executeWithoutResult(status -> {
      if (outbox.withoutRecipient(mail, error)) reportWithoutAddress(mail, ready);
    });
    log.warn("Mail {} ({}, {}): nobody to send it to, SIN_DESTINATARIO; see /api/outbox", mail.id(), mail.kind(),
        mail.ticketCode());
  }

  /**
   * Tells every {@link UndeliverableRecipients} of the users without an address, each in a savepoint
   * of the outcome's transaction: one that fails is undone and logged, and the outcome still recorded.
   */
  private void reportWithoutAddress(Claimed mail, Ready ready) {
    List<String> users = ready.to().usersWithoutAddress();
    if (users.isEmpty()) return;
    log.info("Mail {} ({}, {}): {} user(s) without an e-mail address: {}", mail.id(), mail.kind(), mail.ticketCode(),
        users.size(), users);
    for (UndeliverableRecipients listener : undeliverable) {
      try {
        savepoint.executeWithoutResult(status ->
            listener.noAddress(mail.ticketCode(), mail.kind(), ready.model(), users));
      } catch (RuntimeException e) {
        log.warn("Mail {} ({}, {}): {} could not record the users without an address: {}", mail.id(), mail.kind(),
            mail.ticketCode(), listener.getClass().getSimpleName(), summary(e));
      }
    }
  }

  /** «Nadie a quien enviarlo: …», in Spanish for /api/outbox. */
  static String nobody(Resolved to) {
    StringBuilder why = new StringBuilder("Nadie a quien enviarlo: ");
    if (to.usersWithoutAddress().isEmpty() && to.emptyGroups().isEmpty()) {
      return why.append("el mensaje no tiene destinatarios.").toString();
    }
    if (!to.usersWithoutAddress().isEmpty()) {
      List<String> users = to.usersWithoutAddress();
      why.append(users.size() == 1 ? "el usuario " : "los usuarios ").append(quoted(users))
          .append(users.size() == 1 ? " no tiene" : " no tienen").append(" dirección de correo registrada");
    }
    if (!to.emptyGroups().isEmpty()) {
      if (!to.usersWithoutAddress().isEmpty()) why.append("; ");
      List<String> groups = to.emptyGroups();
      why.append(groups.size() == 1 ? "el grupo " : "los grupos ").append(quoted(groups))
          .append(groups.size() == 1 ? " no tiene" : " no tienen").append(" integrantes");
    }
    return why.append('.').toString();
  }

  private static String quoted(List<String> ids) {
    return ids.stream().map(id -> "«" + id + "»").collect(Collectors.joining(", "));
  }

  /**
   * A failed attempt: PENDIENTE again after the wait, or FALLIDO after the last attempt, or at once
   * when {@code permanent} (trying again would fail the same way).
   */
  private void recordFailure(Claimed mail, String error, List<String> to, boolean permanent, Exception e) {
    Instant now = clock.instant();
    boolean last = permanent || mail.attempts() >= settings.maxAttempts();
    OutboxState state = last ? OutboxState.FALLIDO : OutboxState.PENDIENTE;
    Instant next = last ? now : now.plus(settings.backoffAfter(mail.attempts()));
    transaction.executeWithoutResult(status -> outbox.failed(mail, state, next, error, to));
    // Expected when the server is down: a line without stack trace, and no address or content.
    if (permanent) {
      log.warn("Mail {} ({}) cannot be built: FALLIDO, see /api/outbox ({})", mail.id(), mail.kind(), summary(e));
    } else if (last) {
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
    String prefix = e instanceof MailAuthenticationException
        ? "El servidor de correo rechazó el usuario o la contraseña"
        : unreachable ? "No se pudo conectar con el servidor de correo" : "El servidor de correo no aceptó el mensaje";
    return prefix + ": " + summary(cause);
  }

  /** The root cause's class and message, on one line. */
  private static String summary(Throwable e) {
    Throwable cause = rootCause(e);
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage().strip().replaceAll("\\s+", " "));
  }

  /** The exception's own message (a template's names the file, line and expression), and its root cause. */
  private static String withContext(Throwable e) {
    Throwable root = rootCause(e);
    String own = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().strip());
    return (root == e ? own : own + " (" + summary(root) + ")").replaceAll("\\s+", " ");
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
