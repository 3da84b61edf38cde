package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.notification.Notifications.Notified;
import co.edu.idep.mesa.notification.Notifications.Outcome;
import co.edu.idep.mesa.security.DemoUsers;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole application: notifications reach the demo users' addresses, looked up in Camunda's
 * identity service when the message is sent; a message the mail server never took ends FALLIDO, one
 * nobody can receive SIN_DESTINATARIO, both listed by {@code /api/outbox} for staff only, and a
 * retry sends them again.
 */
@ApplicationTest
class OutboxApiTest {

  /** Nothing listens here until a test starts GreenMail on it. */
  static final int SMTP_PORT = Mailboxes.freePort();

  @LocalServerPort int port;
  @Autowired Notifications notifications;
  @Autowired IdentityService identity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ApplicationContext context;

  /**
   * The application's sender on its outbox, but with at most 2 attempts, no wait between them, and
   * the SMTP server at 127.0.0.1:{@link #SMTP_PORT}: a sender of this test's own, so that the shared
   * application keeps its settings.
   */
  private MailDelivery delivery;
  private GreenMail server;

  @BeforeEach
  void sender() {
    delivery = OutboxNode.applicationSender(context, SMTP_PORT, 2);
  }

  @AfterEach
  void stopServer() {
    if (server != null) server.stop();
  }

  private Notified inTransaction(java.util.function.Supplier<Notified> step) {
    return new TransactionTemplate(transactions).execute(status -> step.get());
  }

  private static Notice registered(String code) {
    return new Notice("TICKET_REGISTRADO", "ticket-registrado:" + code, code, "ticket-registrado",
        Map.of("code", code, "subject", "El computador no enciende", "topic", "Soporte técnico"));
  }

  /** Delivers what other tests left in the outbox (no sender runs in the tests), to a server of its own. */
  private void deliverWhatOthersLeft() {
    int elsewhere = Mailboxes.freePort();
    GreenMail other = Mailboxes.smtp(elsewhere);
    other.start();
    try {
      MailDelivery sender = OutboxNode.applicationSender(context, elsewhere, 2);
      for (MailDelivery.Run run = sender.deliverDue(); run.handled() > 0; run = sender.deliverDue()) {}
    } finally {
      other.stop();
    }
  }

  @Test
  void aMessageTheServerNeverTookIsFailedListedForStaffAndDeliveredOnRetry() {
    ApiClient api = new ApiClient(port);
    deliverWhatOthersLeft();
    Notified notified = inTransaction(() -> notifications.toUsers(registered("MDS-2026-000901"), List.of("usuario1")));
    assertThat(notified.outcome()).isEqualTo(Outcome.ENQUEUED);
    assertThat(notified.audience().users()).containsExactly("usuario1");

    // No server: each run fails one message once; at most 2 attempts, no wait between them.
    for (int run = 0; run < 10 && delivery.deliverDue().failed() > 0; run++) {}

    Reply failed = api.get("/api/outbox?state=FALLIDO", "tecnico");
    assertThat(failed.status()).isEqualTo(200);
    JsonNode mail = only(failed.json(), "MDS-2026-000901");
    assertThat(mail.get("state").asText()).isEqualTo("FALLIDO");
    assertThat(mail.get("stateLabel").asText()).startsWith("Fallido");
    assertThat(mail.get("attempts").asInt()).isEqualTo(2);
    assertThat(mail.get("kind").asText()).isEqualTo("TICKET_REGISTRADO");
    assertThat(mail.get("recipients").toString()).isEqualTo("[\"usuario1@idep.edu.co\"]");
    assertThat(mail.get("audience").toString()).isEqualTo("{\"users\":[\"usuario1\"],\"groups\":[],\"addresses\":[]}");
    assertThat(mail.get("lastError").asText()).startsWith("No se pudo conectar con el servidor de correo");
    // Never the content: no subject, no bodies, no model.
    assertThat(failed.body()).doesNotContain("computador").doesNotContain("subject").doesNotContain("html")
        .doesNotContain("model").doesNotContain("ticket-registrado");

    for (String reader : List.of("sistemas", "goobi", "web", "jefe", "admin")) {
      assertThat(api.get("/api/outbox", reader).status()).as(reader).isEqualTo(200);
    }
    assertThat(api.get("/api/outbox", "usuario1").status()).isEqualTo(403);
    assertThat(api.post("/api/outbox/" + mail.get("id").asLong() + "/retry", "usuario1", "{}").status()).isEqualTo(403);

    server = Mailboxes.smtp(SMTP_PORT);
    server.start();
    Reply retried = api.post("/api/outbox/" + mail.get("id").asLong() + "/retry", "tecnico", "{}");
    assertThat(retried.status()).isEqualTo(200);
    assertThat(retried.json().get("mail").get("state").asText()).isEqualTo("PENDIENTE");
    assertThat(retried.json().get("message").asText()).contains("volvió a la cola");
    assertThat(api.post("/api/outbox/" + mail.get("id").asLong() + "/retry", "tecnico", "{}").status()).isEqualTo(409);

    assertThat(delivery.deliverDue().sent()).isOne();
    MimeMessage[] received = server.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(Mailboxes.to(received[0])).containsExactly("usuario1@idep.edu.co");
    assertThat(Mailboxes.subject(received[0])).isEqualTo("[MDS-2026-000901] Ticket registrado: El computador no enciende");
    assertThat(Mailboxes.part(received[0], "text/plain")).contains("quedó registrada con el código MDS-2026-000901");
    assertThat(only(api.get("/api/outbox?state=ENVIADO", "jefe").json(), "MDS-2026-000901").get("sentAt").isNull()).isFalse();
  }

  @Test
  void groupsReachTheMembersTheyHaveWhenTheMessageLeavesAndNobodyToSendToIsListedAndRetried() {
    ApiClient api = new ApiClient(port);
    deliverWhatOthersLeft();
    server = Mailboxes.smtp(SMTP_PORT);
    server.start();
    // As a requester whose step notifies the group: the step asks the identity service nothing.
    identity.setAuthenticatedUserId("usuario2");
    try {
      Notified notified = inTransaction(() -> notifications.toGroups(registered("MDS-2026-000902"), List.of("tecnico-operativo")));
      assertThat(notified.outcome()).isEqualTo(Outcome.ENQUEUED);
      assertThat(notified.audience().groups()).containsExactly("tecnico-operativo");
      Notified again = inTransaction(() -> notifications.toGroups(registered("MDS-2026-000902"), List.of("tecnico-operativo")));
      assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_ENQUEUED);
      inTransaction(() -> notifications.toUsers(registered("MDS-2026-000903"), List.of("sincorreo", "no-existe")));
      assertThat(inTransaction(() -> notifications.toUsers(registered("MDS-2026-000904"), List.of())).outcome())
          .isEqualTo(Outcome.NO_RECIPIENT);
    } finally {
      identity.clearAuthentication();
    }

    // A member joins after the step: the message goes to the members the group has when it leaves.
    User noMail = identity.newUser("sincorreo");
    noMail.setFirstName("Sin");
    noMail.setLastName("Correo");
    noMail.setPassword("una-clave-cualquiera");
    identity.saveUser(noMail);
    identity.createMembership("sincorreo", "tecnico-operativo");
    try {
      // The sender reads the accounts as the application, whoever the thread is authenticated as.
      identity.setAuthenticatedUserId("usuario2");
      MailDelivery.Run run = delivery.deliverDue();
      assertThat(identity.getCurrentAuthentication().getUserId()).isEqualTo("usuario2");
      identity.clearAuthentication();
      assertThat(run).isEqualTo(new MailDelivery.Run(1, 0, 1, false));

      MimeMessage[] received = server.getReceivedMessages();
      assertThat(received).hasSize(1);
      assertThat(Mailboxes.to(received[0])).containsExactly("tecnico@idep.edu.co");
      assertThat(Mailboxes.subject(received[0])).isEqualTo("[MDS-2026-000902] Ticket registrado: El computador no enciende");
      JsonNode sent = only(api.get("/api/outbox?state=ENVIADO", "tecnico").json(), "MDS-2026-000902");
      assertThat(sent.get("recipients").toString()).isEqualTo("[\"tecnico@idep.edu.co\"]");
      assertThat(sent.get("audience").get("groups").toString()).isEqualTo("[\"tecnico-operativo\"]");

      JsonNode nobody = only(api.get("/api/outbox?state=SIN_DESTINATARIO", "jefe").json(), "MDS-2026-000903");
      assertThat(nobody.get("stateLabel").asText()).startsWith("Sin destinatario");
      assertThat(nobody.get("lastError").asText()).isEqualTo(
          "Nadie a quien enviarlo: los usuarios «sincorreo», «no-existe» no tienen dirección de correo registrada.");
      assertThat(nobody.get("recipients").toString()).isEqualTo("[]");

      // He registers an address; staff put the message back, and it reaches him.
      User now = identity.createUserQuery().userId("sincorreo").singleResult();
      now.setEmail("sincorreo@idep.edu.co");
      identity.saveUser(now);
      Reply retried = api.post("/api/outbox/" + nobody.get("id").asLong() + "/retry", "tecnico", "{}");
      assertThat(retried.status()).isEqualTo(200);
      assertThat(delivery.deliverDue().sent()).isOne();
      assertThat(Mailboxes.to(server.getReceivedMessages()[1])).containsExactly("sincorreo@idep.edu.co");
      Reply sentAlready = api.post("/api/outbox/" + nobody.get("id").asLong() + "/retry", "tecnico", "{}");
      assertThat(sentAlready.status()).isEqualTo(409);
      assertThat(sentAlready.json().get("message").asText()).contains("fallido o sin destinatario").endsWith("enviado.");
    } finally {
      identity.clearAuthentication();
      identity.deleteUser("sincorreo");
    }
  }

  @Test
  void aWrongStateOrLimitIsExplainedAndAnUnknownMessageIsNotFound() {
    ApiClient api = new ApiClient(port);
    Reply wrong = api.get("/api/outbox?state=PERDIDO", "tecnico");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.json().get("message").asText()).contains("PENDIENTE, ENVIANDO, ENVIADO, FALLIDO, SIN_DESTINATARIO");
    assertThat(api.get("/api/outbox?limit=0", "tecnico").status()).isEqualTo(400);
    assertThat(api.post("/api/outbox/999999/retry", "tecnico", "{}").status()).isEqualTo(404);
  }

  @Test
  void demoUsersHaveTheirInstituteAddressAlsoInADatabaseFromBeforeTheMail() throws Exception {
    User old = identity.createUserQuery().userId("usuario2").singleResult();
    old.setEmail("usuario2@demo.idep.edu.co");
    identity.saveUser(old);

    context.getBean(DemoUsers.class).run(null);

    assertThat(identity.createUserQuery().userId("usuario2").singleResult().getEmail()).isEqualTo("usuario2@idep.edu.co");
    assertThat(identity.checkPassword("usuario2", "demo")).isTrue();
  }

  @Test
  void inTestsNeitherTheEmbeddedServerNorTheScheduledSenderRuns() {
    assertThat(context.getBeansOfType(EmbeddedMailServer.class)).isEmpty();
    assertThat(context.getBeansOfType(MailSchedule.class)).isEmpty();
  }

  @Test
  void withTheMailServerDownTheApplicationIsHealthy() {
    assertThat(new ApiClient(port).get("/actuator/health", null).status()).isEqualTo(200);
  }

  private static JsonNode only(JsonNode list, String ticket) {
    List<JsonNode> matches = new java.util.ArrayList<>();
    list.forEach(node -> {
      if (ticket.equals(node.get("ticket").asText())) matches.add(node);
    });
    assertThat(matches).hasSize(1);
    return matches.get(0);
  }
}
