package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its sender against a real SMTP server (GreenMail on a free port) and the real
 * schema (Flyway's migrations, on H2 and on PostgreSQL): what a committed step enqueues arrives once, what a
 * rolled-back one enqueues never, and nothing is lost or doubled while the server is down or when
 * two nodes send at once.
 */
abstract class AbstractMailDeliveryTest {

  private final MutableClock clock = new MutableClock();
  private final int port = Mailboxes.freePort();
  private final GreenMail server = Mailboxes.smtp(port);
  private final List<OutboxNode> nodes = new ArrayList<>();

  /** The database every node of one test shares, and its user. */
  protected abstract String url();

  protected abstract String user();

  @BeforeEach
  void startServer() {
    server.start();
  }

  @AfterEach
  void stop() {
    nodes.forEach(OutboxNode::close);
    server.stop();
  }

  private OutboxNode node(int maxAttempts) {
    OutboxNode node = new OutboxNode(url(), user(), port, clock, maxAttempts, Duration.ofMinutes(1));
    nodes.add(node);
    return node;
  }

  private static OutgoingMail mail(String key, String... to) {
    return new OutgoingMail("TICKET_REGISTRADO", key, "MDS-2026-000001", List.of(to),
        "[MDS-2026-000001] Ticket registrado: El computador no enciende",
        "<p>Su solicitud quedó registrada con el código <strong>MDS-2026-000001</strong>.</p>",
        "Su solicitud quedó registrada con el código MDS-2026-000001.");
  }

  @Test
  void aMessageOfACommittedStepIsDeliveredOnceToItsRecipientsWithItsSubjectAndSpanishText() {
    OutboxNode node = node(3);
    assertThat(node.enqueueCommitted(mail("registrado:1", "usuario1@idep.edu.co", "tecnico@idep.edu.co"))).isTrue();

    MailDelivery.Run run = node.delivery.deliverDue();

    assertThat(run).isEqualTo(new MailDelivery.Run(1, 0, false));
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy in each recipient's mailbox
    MimeMessage message = received[0];
    assertThat(Mailboxes.to(message)).containsExactly("usuario1@idep.edu.co", "tecnico@idep.edu.co");
    assertThat(Mailboxes.subject(message)).isEqualTo("[MDS-2026-000001] Ticket registrado: El computador no enciende");
    assertThat(Mailboxes.part(message, "text/plain")).contains("Su solicitud quedó registrada con el código MDS-2026-000001.");
    assertThat(Mailboxes.part(message, "text/html")).contains("<strong>MDS-2026-000001</strong>");
    assertThat(Mailboxes.header(message, "From")).contains("mesa-de-servicios@idep.edu.co").contains("Mesa de Servicios IDEP");
    assertThat(Mailboxes.header(message, "Message-ID")).startsWith("<mesa.").endsWith("@idep.edu.co>");

    assertThat(node.delivery.deliverDue()).isEqualTo(new MailDelivery.Run(0, 0, false));
    assertThat(server.getReceivedMessages()).hasSize(2);
    long id = node.idOf("registrado:1");
    assertThat(node.state(id)).isEqualTo("ENVIADO");
    // The content has left: the row keeps the record, not the bodies.
    assertThat(node.jdbc.sql("select body_text from mail_outbox where id = ?").param(id).query(String.class).single()).isEmpty();
  }

  @Test
  void aMessageOfARolledBackStepIsNeverSent() {
    OutboxNode node = node(3);
    node.transaction.executeWithoutResult(status -> {
      node.outbox.enqueue(mail("registrado:2", "usuario1@idep.edu.co"));
      status.setRollbackOnly(); // the step failed after asking for the mail
    });

    assertThat(node.delivery.deliverDue()).isEqualTo(new MailDelivery.Run(0, 0, false));
    assertThat(server.getReceivedMessages()).isEmpty();
    assertThat(node.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isZero();
  }

  @Test
  void theSameStepTwiceEnqueuesItsMessageOnce() {
    OutboxNode node = node(3);
    assertThat(node.enqueueCommitted(mail("registrado:3", "usuario1@idep.edu.co"))).isTrue();
    assertThat(node.enqueueCommitted(mail("registrado:3", "usuario1@idep.edu.co"))).isFalse();

    node.delivery.deliverDue();

    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void outsideATransactionNothingIsEnqueued() {
    OutboxNode node = node(3);
    assertThatThrownBy(() -> node.outbox.enqueue(mail("registrado:4", "usuario1@idep.edu.co")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
  }

  @Test
  void whileTheServerIsDownNothingIsLostAndOnceItIsUpEveryMessageArrivesExactlyOnce() {
    OutboxNode node = node(10);
    server.stop();
    for (int i = 1; i <= 5; i++) node.enqueueCommitted(mail("caido:" + i, "usuario" + i + "@idep.edu.co"));

    // Down: each run stops at its first failure, which counts for that one message only.
    MailDelivery.Run down = node.delivery.deliverDue();
    assertThat(down).isEqualTo(new MailDelivery.Run(0, 1, true));
    clock.advance(Duration.ofSeconds(10));
    assertThat(node.delivery.deliverDue().serverUnreachable()).isTrue();
    assertThat(node.jdbc.sql("select sum(attempts) from mail_outbox").query(Long.class).single()).isEqualTo(2);
    assertThat(node.jdbc.sql("select last_error from mail_outbox where idempotency_key = 'caido:1'").query(String.class).single())
        .startsWith("No se pudo conectar con el servidor de correo");

    // Up again: the three never tried go now, the two that failed once when their wait is over.
    server.start();
    assertThat(node.delivery.deliverDue()).isEqualTo(new MailDelivery.Run(3, 0, false));
    clock.advance(Duration.ofMinutes(1));
    assertThat(node.delivery.deliverDue()).isEqualTo(new MailDelivery.Run(2, 0, false));
    clock.advance(Duration.ofHours(2));
    assertThat(node.delivery.deliverDue()).isEqualTo(new MailDelivery.Run(0, 0, false));

    Map<String, Long> perRecipient = Arrays.stream(server.getReceivedMessages())
        .collect(Collectors.groupingBy(m -> Mailboxes.to(m).get(0), Collectors.counting()));
    assertThat(perRecipient).containsOnlyKeys("usuario1@idep.edu.co", "usuario2@idep.edu.co", "usuario3@idep.edu.co",
        "usuario4@idep.edu.co", "usuario5@idep.edu.co").allSatisfy((to, count) -> assertThat(count).isOne());
  }

  @Test
  void afterTheLastAttemptAMessageIsFailedAndARetryPutsItBackInTheQueue() {
    OutboxNode node = node(3);
    server.stop();
    node.enqueueCommitted(mail("fallido:1", "usuario1@idep.edu.co"));
    long id = node.idOf("fallido:1");

    node.delivery.deliverDue();
    clock.advance(Duration.ofMinutes(1));
    node.delivery.deliverDue();
    assertThat(node.state(id)).isEqualTo("PENDIENTE");
    clock.advance(Duration.ofMinutes(1)); // second wait: 2 min
    assertThat(node.delivery.deliverDue().failed()).isZero();
    clock.advance(Duration.ofMinutes(1));
    node.delivery.deliverDue();

    OutboxRepository.Entry failed = node.repository.find(id).orElseThrow();
    assertThat(failed.state()).isEqualTo(OutboxState.FALLIDO);
    assertThat(failed.attempts()).isEqualTo(3);
    assertThat(failed.lastError()).contains("No se pudo conectar");
    clock.advance(Duration.ofDays(1));
    node.delivery.deliverDue();
    assertThat(node.repository.find(id).orElseThrow().attempts()).isEqualTo(3); // FALLIDO is not tried again

    server.start();
    assertThat(node.repository.retry(id, clock.instant())).isTrue();
    assertThat(node.repository.retry(id, clock.instant())).isFalse(); // only a FALLIDO one
    assertThat(node.delivery.deliverDue().sent()).isOne();
    assertThat(node.state(id)).isEqualTo("ENVIADO");
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void twoNodesSendingAtOnceDeliverEachMessageOnce() throws Exception {
    OutboxNode first = node(3);
    OutboxNode second = node(3);
    int messages = 60;
    for (int i = 1; i <= messages; i++) first.enqueueCommitted(mail("carrera:" + i, "persona" + i + "@idep.edu.co"));

    ExecutorService threads = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> sent = new ArrayList<>();
    try {
      for (OutboxNode node : List.of(first, second, first, second)) {
        sent.add(threads.submit(() -> {
          start.await();
          int total = 0;
          MailDelivery.Run run;
          do {
            run = node.delivery.deliverDue();
            total += run.sent();
          } while (run.sent() > 0);
          return total;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : sent) total += result.get(60, TimeUnit.SECONDS);
      assertThat(total).isEqualTo(messages);
    } finally {
      threads.shutdownNow();
    }

    Map<String, Long> perMessage = Arrays.stream(server.getReceivedMessages())
        .collect(Collectors.groupingBy(m -> Mailboxes.header(m, "Message-ID"), Collectors.counting()));
    assertThat(perMessage).hasSize(messages).allSatisfy((id, count) -> assertThat(count).isOne());
    assertThat(first.jdbc.sql("select state, count(*) from mail_outbox group by state")
        .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactly("ENVIADO=" + messages);
  }

  @Test
  void aMessageClaimedByANodeWhoseTransactionIsStillOpenIsNotClaimedAgain() throws Exception {
    OutboxNode first = node(3);
    OutboxNode second = node(3);
    first.enqueueCommitted(mail("reclamo:1", "usuario1@idep.edu.co"));
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Optional<OutboxRepository.Claimed>> secondClaim = first.transaction.execute(status -> {
        assertThat(first.repository.claimNext("primero", clock.instant(), Duration.ofMinutes(2))).isPresent();
        // The second node reads the row as still pending and waits for its lock; then the first commits.
        Future<Optional<OutboxRepository.Claimed>> claim = other.submit(() -> second.transaction.execute(s ->
            second.repository.claimNext("segundo", clock.instant(), Duration.ofMinutes(2))));
        sleep(500);
        return claim;
      });
      assertThat(secondClaim.get(30, TimeUnit.SECONDS)).isEmpty();
    } finally {
      other.shutdownNow();
    }
    assertThat(first.jdbc.sql("select claim_token from mail_outbox").query(String.class).single()).isEqualTo("primero");
  }

  @Test
  void theWaitGrowsAndStopsAtItsMaximum() {
    MailSettings settings = OutboxNode.settings(10, Duration.ofMinutes(1));
    assertThat(List.of(1, 2, 3, 7, 8, 20).stream().map(settings::backoffAfter).map(Duration::toMinutes).toList())
        .containsExactly(1L, 2L, 4L, 60L, 60L, 60L);
  }

  @Test
  void aMessageNeedsValidRecipientsAndASubjectOnOneLine() {
    assertThatThrownBy(() -> mail("x", "no es un correo")).hasMessage("recipient 1 is not an e-mail address");
    assertThatThrownBy(() -> mail("x", "Ana <ana@idep.edu.co>")).hasMessageContaining("not an e-mail address");
    OutgoingMail folded = new OutgoingMail("PRUEBA", "k", null, List.of("a@idep.edu.co", "A@idep.edu.co"),
        "Asunto\r\nBcc: otro@example.com", "<p>x</p>", "x");
    assertThat(folded.subject()).isEqualTo("Asunto Bcc: otro@example.com");
    assertThat(folded.recipients()).containsExactly("a@idep.edu.co");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
