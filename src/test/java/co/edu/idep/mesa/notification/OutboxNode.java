package co.edu.idep.mesa.notification;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One application node as far as mail goes, without Spring: its own connection pool on a shared
 * database (H2 or PostgreSQL, migrated by Flyway as the application does), its outbox and its
 * sender, which delivers to an SMTP server on 127.0.0.1:{@code smtpPort}. The sender looks people
 * up in a {@link Directory} of the test's, renders with the real templates, and tells a
 * {@link Reports} of the users without an address; both count what they are asked.
 */
class OutboxNode implements AutoCloseable {

  static final String FROM = "mesa-de-servicios@idep.edu.co";
  static final String PUBLIC_URL = "https://mesa.idep.edu.co";

  final HikariDataSource dataSource;
  final JdbcClient jdbc;
  final TransactionTemplate transaction;
  final MailOutbox outbox;
  final Notifications notifications;
  final OutboxRepository repository;
  final Directory directory = new Directory();
  final CountingTemplates templates = new CountingTemplates();
  final Reports reports;
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
    outbox = new MailOutbox(new JdbcTemplate(dataSource), clock);
    notifications = new Notifications(outbox);
    repository = new OutboxRepository(jdbc);
    reports = new Reports(jdbc);
    delivery = new MailDelivery(repository, new MailRecipients(directory), templates, List.of(reports),
        sender(smtpPort), settings(maxAttempts, backoff), transactions, clock);
  }

  /**
   * The application's sender (its outbox, identity service, templates and timeline notes), with its
   * own SMTP server at 127.0.0.1:{@code smtpPort}, at most {@code maxAttempts} and no wait between
   * them: so that a test of the shared application keeps the application's settings.
   */
  static MailDelivery applicationSender(ApplicationContext context, int smtpPort, int maxAttempts) {
    return new MailDelivery(context.getBean(OutboxRepository.class), context.getBean(MailRecipients.class),
        context.getBean(MailTemplates.class), context.getBeanProvider(UndeliverableRecipients.class).orderedStream().toList(),
        sender(smtpPort), settings(maxAttempts, Duration.ZERO), context.getBean(PlatformTransactionManager.class),
        context.getBean(Clock.class));
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
    return column(id, "state");
  }

  /** A column of message {@code id}, as text; null if it is null. */
  String column(long id, String column) {
    List<String> values = jdbc.sql("select " + column + " from mail_outbox where id = ?").param(id)
        .query((rs, n) -> rs.getString(1)).list();
    if (values.size() != 1) throw new AssertionError("No message " + id);
    return values.get(0);
  }

  long idOf(String idempotencyKey) {
    return jdbc.sql("select id from mail_outbox where idempotency_key = ?").param(idempotencyKey).query(Long.class).single();
  }

  @Override
  public void close() {
    dataSource.close();
  }

  /**
   * The identity service of the test: users {@code usuario1} to {@code usuario5}, {@code tecnico}
   * and {@code jefe} with their institute address, {@code sincorreo} without one; groups
   * {@code tecnico-operativo} (tecnico, sincorreo), {@code jefe-oap} (jefe) and {@code vacio} (nobody).
   * Counts the lookups.
   */
  static class Directory implements AddressBook {

    final Map<String, String> emails = new ConcurrentHashMap<>();
    final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    final AtomicInteger lookups = new AtomicInteger();

    Directory() {
      for (String user : List.of("usuario1", "usuario2", "usuario3", "usuario4", "usuario5", "tecnico", "jefe")) {
        emails.put(user, user + "@idep.edu.co");
      }
      emails.put("sincorreo", "");
      groups.put("tecnico-operativo", List.of("sincorreo", "tecnico"));
      groups.put("jefe-oap", List.of("jefe"));
      groups.put("vacio", List.of());
    }

    @Override
    public Map<String, String> emails(Collection<String> userIds) {
      lookups.incrementAndGet();
      Map<String, String> found = new LinkedHashMap<>();
      userIds.stream().filter(emails::containsKey).forEach(id -> found.put(id, emails.get(id)));
      return found;
    }

    @Override
    public Map<String, String> members(String groupId) {
      lookups.incrementAndGet();
      Map<String, String> members = new LinkedHashMap<>();
      groups.getOrDefault(groupId, List.of()).forEach(id -> members.put(id, emails.get(id)));
      return members;
    }
  }

  /** The real templates, counting how often they are rendered. */
  static class CountingTemplates extends MailTemplates {

    final AtomicInteger renders = new AtomicInteger();

    CountingTemplates() {
      super(new MailLinks(PUBLIC_URL));
    }

    @Override
    public RenderedMail render(String name, Map<String, ?> model) {
      renders.incrementAndGet();
      return super.render(name, model);
    }
  }

  /** What the sender told of users without an address, and whether a transaction was open then. */
  record Reported(String ticketCode, String kind, Map<String, Object> model, List<String> users, boolean inTransaction) {}

  /** Records what it is told; when {@link #failing}, runs a statement that fails, as a broken one would. */
  static class Reports implements UndeliverableRecipients {

    final List<Reported> told = new CopyOnWriteArrayList<>();
    volatile boolean failing;
    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
      this.jdbc = jdbc;
    }

    @Override
    public void noAddress(String ticketCode, String kind, Map<String, Object> model, List<String> userIds) {
      if (failing) jdbc.sql("insert into no_such_table (id) values (1)").update();
      told.add(new Reported(ticketCode, kind, model, userIds, TransactionSynchronizationManager.isActualTransactionActive()));
    }
  }
}
