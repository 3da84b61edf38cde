package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.support.SqlDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.notification.Notifications.Outcome;
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
 * two nodes send at once. The step writes what to send and to whom; the sender looks the addresses
 * up, renders the real templates, and tells of the users without an address.
 */
abstract class AbstractMailDeliveryTest {

  private static final String CODE = "MDS-2026-000001";
  private static final String SUBJECT = "[MDS-2026-000001] Ticket registrado: El computador no enciende";

  private final MutableClock clock = new MutableClock();
  private final int port = Mailboxes.freePort();
  private final GreenMail server = Mailboxes.smtp(port);
  private final List<OutboxNode> nodes = new ArrayList<>();

  /** The database every node of one test shares, and its user. */
  private final SqlDatabase database;

  protected AbstractMailDeliveryTest(SqlDatabase database) {
    this.database = database;
  }

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
    OutboxNode node = new OutboxNode(database.url(), database.user(), port, clock, maxAttempts, Duration.ofMinutes(1));
    nodes.add(node);
    return node;
  }

  private static Map<String, Object> registered() {
    return Map.of("code", CODE, "subject", "El computador no enciende", "topic", "Solicitud de Soporte Técnico");
  }

  private static OutgoingMail mail(String key, Audience audience) {
    return new OutgoingMail("TICKET_REGISTRADO", key, CODE, "ticket-registrado", registered(), audience);
  }

  private static OutgoingMail mail(String key, String... to) {
    return mail(key, Audience.ofAddresses(List.of(to)));
  }

  private static OutgoingMail toUsers(String key, String... users) {
    return mail(key, Audience.ofUsers(List.of(users)));
  }

  private MailDelivery.Run run(int sent, int failed) {
    return new MailDelivery.Run(sent, failed, 0, false);
  }

  @Test
  void aMessageOfACommittedStepIsDeliveredOnceToItsRecipientsWithItsSubjectAndSpanishText() {
    OutboxNode node = node(3);
    assertThat(node.enqueueCommitted(mail("registrado:1", "usuario1@idep.edu.co", "tecnico@idep.edu.co"))).isTrue();

    MailDelivery.Run run = node.delivery.deliverDue();

    assertThat(run).isEqualTo(run(1, 0));
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(2); // one copy in each recipient's mailbox
    MimeMessage message = received[0];
    assertThat(Mailboxes.to(message)).containsExactly("usuario1@idep.edu.co", "tecnico@idep.edu.co");
    assertThat(Mailboxes.subject(message)).isEqualTo(SUBJECT);
    assertThat(Mailboxes.part(message, "text/plain"))
        .contains("Su solicitud a la Mesa de Servicios del IDEP quedó registrada con el código " + CODE + ".")
        .contains("Tema: Solicitud de Soporte Técnico")
        .contains(OutboxNode.PUBLIC_URL + "/camunda/app/tasklist/default/#/?searchQuery=");
    assertThat(Mailboxes.part(message, "text/html")).contains("<strong>" + CODE + "</strong>");
    assertThat(Mailboxes.header(message, "From")).contains("mesa-de-servicios@idep.edu.co").contains("Mesa de Servicios IDEP");
    assertThat(Mailboxes.header(message, "Message-ID")).startsWith("<mesa.").endsWith("@idep.edu.co>");

    assertThat(node.delivery.deliverDue()).isEqualTo(run(0, 0));
    assertThat(server.getReceivedMessages()).hasSize(2);
    long id = node.idOf("registrado:1");
    assertThat(node.state(id)).isEqualTo("ENVIADO");
    // The content has left: the row keeps the record (whom, when), not the model.
    assertThat(node.column(id, "model")).isNull();
    assertThat(node.column(id, "recipients")).isEqualTo("usuario1@idep.edu.co, tecnico@idep.edu.co");
    assertThat(node.column(id, "template")).isEqualTo("ticket-registrado");
  }

  @Test
  void enqueueingWritesWhatAndToWhomWithNoLookupAndNoRenderingTheSenderDoesBoth() {
    OutboxNode node = node(3);
    Notice notice = new Notice("TICKET_REGISTRADO", "registrado:10", CODE, "ticket-registrado", registered());

    Outcome outcome = node.transaction.execute(status -> {
      assertThat(node.notifications.toUsers(notice, List.of("usuario1")).outcome()).isEqualTo(Outcome.ENQUEUED);
      return node.notifications.toGroups(new Notice("TICKET_NUEVO_GRUPO", "nuevo-grupo:10", CODE, "ticket-nuevo-grupo",
          registered()), List.of("tecnico-operativo")).outcome();
    });

    assertThat(outcome).isEqualTo(Outcome.ENQUEUED);
    assertThat(node.directory.lookups).hasValue(0);
    assertThat(node.templates.renders).hasValue(0);
    long id = node.idOf("registrado:10");
    // What to send and to whom; nothing rendered, nobody looked up.
    assertThat(node.column(id, "template")).isEqualTo("ticket-registrado");
    assertThat(node.column(id, "model")).isEqualTo(
        "{\"code\":\"MDS-2026-000001\",\"subject\":\"El computador no enciende\",\"topic\":\"Solicitud de Soporte Técnico\"}");
    assertThat(node.column(id, "audience")).isEqualTo("{\"users\":[\"usuario1\"],\"groups\":[],\"addresses\":[]}");
    assertThat(node.column(node.idOf("nuevo-grupo:10"), "audience"))
        .isEqualTo("{\"users\":[],\"groups\":[\"tecnico-operativo\"],\"addresses\":[]}");
    assertThat(node.column(id, "recipients")).isNull();

    assertThat(node.delivery.deliverDue()).isEqualTo(run(2, 0));
    assertThat(node.directory.lookups).hasValue(2);
    assertThat(node.templates.renders).hasValue(2);
    assertThat(Arrays.stream(server.getReceivedMessages()).map(Mailboxes::to).distinct().toList())
        .containsExactly(List.of("usuario1@idep.edu.co"), List.of("tecnico@idep.edu.co"));
  }

  @Test
  void usersAndGroupsAreLookedUpAtDeliveryAndUsersWithoutAddressAreToldOnceInTheOutcomesTransaction() {
    OutboxNode node = node(3);
    node.enqueueCommitted(mail("audiencia:1", new Audience(List.of("usuario1", "sincorreo", "no-existe", "tecnico"),
        List.of("tecnico-operativo", "jefe-oap"), List.of("proveedor@example.com", "USUARIO1@idep.edu.co"))));
    // Changed after the step: the message goes to the address people have when it leaves.
    node.directory.emails.put("usuario1", "usuario1.nuevo@idep.edu.co");

    assertThat(node.delivery.deliverDue()).isEqualTo(run(1, 0));

    MimeMessage message = server.getReceivedMessages()[0];
    assertThat(Mailboxes.to(message)).containsExactly("usuario1.nuevo@idep.edu.co", "tecnico@idep.edu.co",
        "jefe@idep.edu.co", "proveedor@example.com", "USUARIO1@idep.edu.co");
    assertThat(node.reports.told).containsExactly(new OutboxNode.Reported(CODE, "TICKET_REGISTRADO", registered(),
        List.of("sincorreo", "no-existe"), true));
    long id = node.idOf("audiencia:1");
    assertThat(node.state(id)).isEqualTo("ENVIADO");
    assertThat(node.column(id, "last_error")).isNull();

    node.delivery.deliverDue();
    assertThat(node.reports.told).hasSize(1);
  }

  @Test
  void aMessageWhoseAudienceHasNobodyWithAnAddressEndsWithoutRecipientAndCanBeRetriedOnceSomeoneHasOne() {
    OutboxNode node = node(3);
    node.enqueueCommitted(mail("nadie:1", new Audience(List.of("sincorreo", "no-existe"), List.of("vacio"), List.of())));
    long id = node.idOf("nadie:1");

    assertThat(node.delivery.deliverDue()).isEqualTo(new MailDelivery.Run(0, 0, 1, false));

    assertThat(server.getReceivedMessages()).isEmpty();
    assertThat(node.templates.renders).hasValue(0);
    OutboxRepository.Entry entry = node.repository.find(id).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.SIN_DESTINATARIO);
    assertThat(entry.lastError()).isEqualTo("Nadie a quien enviarlo: los usuarios «sincorreo», «no-existe» no tienen"
        + " dirección de correo registrada; el grupo «vacio» no tiene integrantes.");
    assertThat(entry.recipients()).isEmpty();
    assertThat(entry.attempts()).isEqualTo(1);
    assertThat(node.reports.told).extracting(OutboxNode.Reported::users).containsExactly(List.of("sincorreo", "no-existe"));
    clock.advance(Duration.ofDays(1));
    assertThat(node.delivery.deliverDue().handled()).isZero(); // not tried again by itself

    node.directory.emails.put("sincorreo", "ya.tiene@idep.edu.co");
    assertThat(node.repository.retry(id, clock.instant())).isTrue();
    assertThat(node.delivery.deliverDue()).isEqualTo(run(1, 0));
    assertThat(Mailboxes.to(server.getReceivedMessages()[0])).containsExactly("ya.tiene@idep.edu.co");
    assertThat(node.reports.told.get(1).users()).containsExactly("no-existe");
  }

  @Test
  void aTemplateThatFailsToRenderEndsFailedAtOnceAndIsNotTriedAgain() {
    OutboxNode node = node(10);
    // solucion-lista links to the task: without taskId in the model it cannot be rendered.
    node.enqueueCommitted(new OutgoingMail("SOLUCION_LISTA", "sin-tarea:1", CODE, "solucion-lista", registered(),
        Audience.ofUsers(List.of("usuario1"))));
    long id = node.idOf("sin-tarea:1");

    assertThat(node.delivery.deliverDue()).isEqualTo(run(0, 1));

    OutboxRepository.Entry entry = node.repository.find(id).orElseThrow();
    assertThat(entry.state()).isEqualTo(OutboxState.FALLIDO);
    assertThat(entry.attempts()).isOne();
    assertThat(entry.lastError()).startsWith("No se pudo componer el mensaje con la plantilla «solucion-lista»: ")
        .contains("links.task(taskId)");
    assertThat(entry.recipients()).containsExactly("usuario1@idep.edu.co");
    assertThat(node.reports.told).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(node.delivery.deliverDue().handled()).isZero();
    assertThat(server.getReceivedMessages()).isEmpty();
  }

  @Test
  void aReportOfUsersWithoutAddressThatFailsDoesNotUndoTheDelivery() {
    OutboxNode node = node(3);
    node.reports.failing = true;
    node.enqueueCommitted(toUsers("informe-falla:1", "usuario1", "sincorreo"));

    assertThat(node.delivery.deliverDue()).isEqualTo(run(1, 0));
    clock.advance(Duration.ofHours(1));
    assertThat(node.delivery.deliverDue()).isEqualTo(run(0, 0));

    assertThat(node.state(node.idOf("informe-falla:1"))).isEqualTo("ENVIADO");
    assertThat(server.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aMessageOfARolledBackStepIsNeverSent() {
    OutboxNode node = node(3);
    node.transaction.executeWithoutResult(status -> {
      node.outbox.enqueue(mail("registrado:2", "usuario1@idep.edu.co"));
      status.setRollbackOnly(); // the step failed after asking for the mail
    });

    assertThat(node.delivery.deliverDue()).isEqualTo(run(0, 0));
    assertThat(server.getReceivedMessages()).isEmpty();
    assertThat(node.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isZero();
  }

  @Test
  void theSameStepTwiceEnqueuesItsMessageOnce() {
    OutboxNode node = node(3);
    assertThat(node.enqueueCommitted(toUsers("registrado:3", "usuario1"))).isTrue();
    assertThat(node.enqueueCommitted(toUsers("registrado:3", "usuario1"))).isFalse();

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
    for (int i = 1; i <= 5; i++) node.enqueueCommitted(toUsers("caido:" + i, "usuario" + i));

    // Down: each run stops at its first failure, which counts for that one message only.
    MailDelivery.Run down = node.delivery.deliverDue();
    assertThat(down).isEqualTo(new MailDelivery.Run(0, 1, 0, true));
    clock.advance(Duration.ofSeconds(10));
    assertThat(node.delivery.deliverDue().serverUnreachable()).isTrue();
    assertThat(node.jdbc.sql("select sum(attempts) from mail_outbox").query(Long.class).single()).isEqualTo(2);
    assertThat(node.jdbc.sql("select last_error from mail_outbox where idempotency_key = 'caido:1'").query(String.class).single())
        .startsWith("No se pudo conectar con el servidor de correo");

    // Up again: the three never tried go now, the two that failed once when their wait is over.
    server.start();
    assertThat(node.delivery.deliverDue()).isEqualTo(run(3, 0));
    clock.advance(Duration.ofMinutes(1));
    assertThat(node.delivery.deliverDue()).isEqualTo(run(2, 0));
    clock.advance(Duration.ofHours(2));
    assertThat(node.delivery.deliverDue()).isEqualTo(run(0, 0));

    Map<String, Long> perRecipient = Arrays.stream(server.getReceivedMessages())
        .collect(Collectors.groupingBy(m -> Mailboxes.to(m).get(0), Collectors.counting()));
    assertThat(perRecipient).containsOnlyKeys("usuario1@idep.edu.co", "usuario2@idep.edu.co", "usuario3@idep.edu.co",
        "usuario4@idep.edu.co", "usuario5@idep.edu.co").allSatisfy((to, count) -> assertThat(count).isOne());
    assertThat(Arrays.stream(server.getReceivedMessages()).map(Mailboxes::subject).distinct()).containsExactly(SUBJECT);
  }

  @Test
  void afterTheLastAttemptAMessageIsFailedAndARetryPutsItBackInTheQueue() {
    OutboxNode node = node(3);
    server.stop();
    node.enqueueCommitted(toUsers("fallido:1", "usuario1"));
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
    assertThat(failed.recipients()).containsExactly("usuario1@idep.edu.co");
    assertThat(failed.audience().users()).containsExactly("usuario1");
    clock.advance(Duration.ofDays(1));
    node.delivery.deliverDue();
    assertThat(node.repository.find(id).orElseThrow().attempts()).isEqualTo(3); // FALLIDO is not tried again

    server.start();
    assertThat(node.repository.retry(id, clock.instant())).isTrue();
    assertThat(node.repository.retry(id, clock.instant())).isFalse(); // only a FALLIDO one
    assertThat(node.delivery.deliverDue().sent()).isOne();
    assertThat(node.state(id)).isEqualTo("ENVIADO");
    assertThat(server.getReceivedMessages()).hasSize(1);
    assertThat(Mailboxes.subject(server.getReceivedMessages()[0])).isEqualTo(SUBJECT);
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
  void aMessageNeedsAnExistingTemplateAnAudienceAndValidAddresses() {
    assertThatThrownBy(() -> mail("x", "no es un correo")).hasMessage("recipient 1 is not an e-mail address");
    assertThatThrownBy(() -> mail("x", "Ana <ana@idep.edu.co>")).hasMessageContaining("not an e-mail address");
    assertThatThrownBy(() -> mail("x", new Audience(List.of(), List.of(), List.of())))
        .hasMessageContaining("at least one user, group or address");
    assertThatThrownBy(() -> toUsers("x", " usuario1")).hasMessage("user 1 is not a user id");
    assertThatThrownBy(() -> new OutgoingMail("TICKET_REGISTRADO", "x", CODE, "no-existe", registered(),
        Audience.ofUsers(List.of("usuario1")))).hasMessageContaining("no mail template «no-existe»");
    assertThatThrownBy(() -> new OutgoingMail("TICKET_REGISTRADO", "x", CODE, "../application", registered(),
        Audience.ofUsers(List.of("usuario1")))).hasMessageContaining("template must be a name");
    Audience folded = new Audience(List.of("a", "b", "a"), List.of("g", "g"), List.of("a@idep.edu.co", "A@idep.edu.co"));
    assertThat(folded).isEqualTo(new Audience(List.of("a", "b"), List.of("g"), List.of("a@idep.edu.co")));
    assertThat(Audience.fromJson(folded.toJson())).isEqualTo(folded);
  }

  @Test
  void aStepCannotEnqueueAnAudienceOrModelTooLargeForTheOutbox() {
    OutboxNode node = node(3);
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 400; i++) many.add("usuario-con-un-nombre-largo-" + i);
    assertThatThrownBy(() -> node.enqueueCommitted(toUsers("grande:1", many.toArray(String[]::new))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too many recipients");
    OutgoingMail huge = new OutgoingMail("TICKET_REGISTRADO", "grande:2", CODE, "ticket-registrado",
        Map.of("subject", "x".repeat(MailModel.MAX_JSON_LENGTH)), Audience.ofUsers(List.of("usuario1")));
    assertThatThrownBy(() -> node.enqueueCommitted(huge)).hasMessageContaining("is too large");
    assertThat(node.jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isZero();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
