package co.edu.idep.mesa.notification;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One application node as far as mail goes, without Spring: its own connection pool on a shared
 * database (H2 or PostgreSQL, migrated by Flyway as the application does), its outbox and its
 * sender, which delivers to an SMTP server on 127.0.0.1:{@code smtpPort}.
 */
class OutboxNode implements AutoCloseable {

  static final String FROM = "mesa-de-servicios@idep.edu.co";

  final HikariDataSource dataSource;
  final JdbcClient jdbc;
  final TransactionTemplate transaction;
  final MailOutbox outbox;
  final OutboxRepository repository;
  final MailDelivery delivery;

  OutboxNode(String url, String user, int smtpPort, Clock clock, int maxAttempts, Duration backoff) {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(url);
    dataSource.setUsername(user);
    dataSource.setMaximumPoolSize(4);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
    transaction = new TransactionTemplate(transactions);
    outbox = new MailOutbox(jdbc, clock);
    repository = new OutboxRepository(jdbc);
    delivery = new MailDelivery(repository, sender(smtpPort), settings(maxAttempts, backoff), transactions, clock);
  }

  static MailSettings settings(int maxAttempts, Duration backoff) {
    return new MailSettings(FROM, "Mesa de Servicios IDEP", maxAttempts, backoff, 2.0, Duration.ofHours(1),
        Duration.ofMinutes(2), 50, new MailSettings.Sender(false, Duration.ofSeconds(10)),
        new MailSettings.EmbeddedServer(false, "127.0.0.1", 0, 0));
  }

  static JavaMailSenderImpl sender(int smtpPort) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
    sender.setDefaultEncoding("UTF-8");
    Properties properties = new Properties();
    properties.setProperty("mail.smtp.connectiontimeout", "5000");
    properties.setProperty("mail.smtp.timeout", "5000");
    properties.setProperty("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(properties);
    return sender;
  }

  /** Enqueues {@code mail} in a transaction of its own, committed. */
  boolean enqueueCommitted(OutgoingMail mail) {
    return Boolean.TRUE.equals(transaction.execute(status -> outbox.enqueue(mail)));
  }

  String state(long id) {
    return jdbc.sql("select state from mail_outbox where id = ?").param(id).query(String.class).single();
  }

  long idOf(String idempotencyKey) {
    return jdbc.sql("select id from mail_outbox where idempotency_key = ?").param(idempotencyKey).query(Long.class).single();
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
