package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import co.edu.idep.mesa.support.ProfileYaml;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.PropertySource;
import org.springframework.mail.SimpleMailMessage;

/**
 * The embedded mail server: on in the default profile only, and there every user reads his mailbox
 * over IMAP with his address and the demo password, as the README shows.
 */
class EmbeddedMailServerTest {

  @Test
  void itIsOnInTheDefaultProfileAndOffInPostgresProdAndTests() throws IOException {
    PropertySource<?> defaults = yaml("application.yaml");
    assertThat(defaults.getProperty("mesa.mail.embedded-server.enabled")).isEqualTo(true);
    assertThat(defaults.getProperty("mesa.mail.embedded-server.host")).isEqualTo("127.0.0.1");
    assertThat(defaults.getProperty("mesa.mail.embedded-server.smtp-port")).isEqualTo(3025);
    assertThat(defaults.getProperty("mesa.mail.embedded-server.imap-port")).isEqualTo(3143);
    // ... and the sender delivers to it.
    assertThat(defaults.getProperty("spring.mail.host")).isEqualTo("127.0.0.1");
    assertThat(defaults.getProperty("spring.mail.port")).isEqualTo(3025);
    assertThat(defaults.getProperty("mesa.mail.sender.enabled")).isEqualTo(true);

    // prod includes postgres, which points to the institute's server.
    PropertySource<?> postgres = yaml("application-postgres.yaml");
    assertThat(postgres.getProperty("mesa.mail.embedded-server.enabled")).isEqualTo(false);
    assertThat(postgres.getProperty("spring.mail.host")).isEqualTo("${MESA_MAIL_HOST:}");
    assertThat(postgres.getProperty("spring.mail.password")).isEqualTo("${MESA_MAIL_PASSWORD:}");

    PropertySource<?> test = yaml("application-test.yaml");
    assertThat(test.getProperty("mesa.mail.embedded-server.enabled")).isEqualTo(false);
    assertThat(test.getProperty("mesa.mail.sender.enabled")).isEqualTo(false);
  }

  @Test
  void everyUserWithAnAddressReadsHisMailboxOverImapWithTheDemoPassword() throws Exception {
    int smtp = Mailboxes.freePort();
    int imap = Mailboxes.freePort();
    MailSettings settings = new MailSettings(OutboxNode.FROM, "Mesa de Servicios IDEP", 3, Duration.ZERO, 2.0,
        Duration.ofHours(1), Duration.ofMinutes(2), 50, new MailSettings.Sender(false, Duration.ofSeconds(10)),
        new MailSettings.EmbeddedServer(true, "127.0.0.1", smtp, imap));
    EmbeddedMailServer server = new EmbeddedMailServer(settings, identityWith(
        user("usuario1", "usuario1@idep.edu.co"), user("jefe", "jefe@idep.edu.co"), user("sincorreo", null)), "demo");
    server.run(null);
    try {
      SimpleMailMessage mail = new SimpleMailMessage();
      mail.setFrom(OutboxNode.FROM);
      mail.setTo("usuario1@idep.edu.co");
      mail.setSubject("[MDS-2026-000001] Ticket registrado");
      mail.setText("Su solicitud quedó registrada.");
      OutboxNode.sender(smtp).send(mail);

      try (Store store = imapStore()) {
        store.connect("127.0.0.1", imap, "usuario1@idep.edu.co", "demo");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        Message[] messages = inbox.getMessages();
        assertThat(messages).hasSize(1);
        assertThat(messages[0].getSubject()).isEqualTo("[MDS-2026-000001] Ticket registrado");
        inbox.close();
      }
      try (Store store = imapStore()) {
        store.connect("127.0.0.1", imap, "jefe@idep.edu.co", "demo");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        assertThat(inbox.getMessageCount()).isZero();
        inbox.close();
      }
      assertThatThrownBy(() -> {
        try (Store store = imapStore()) {
          store.connect("127.0.0.1", imap, "usuario1@idep.edu.co", "otra");
        }
      }).isInstanceOf(AuthenticationFailedException.class);
    } finally {
      server.destroy();
    }
  }

  @Test
  void aTakenPortLeavesTheApplicationRunningWithoutIt() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      MailSettings settings = new MailSettings(OutboxNode.FROM, "Mesa", 3, Duration.ZERO, 2.0, Duration.ofHours(1),
          Duration.ofMinutes(2), 50, new MailSettings.Sender(false, Duration.ofSeconds(10)),
          new MailSettings.EmbeddedServer(true, "127.0.0.1", taken.getLocalPort(), Mailboxes.freePort()));
      EmbeddedMailServer server = new EmbeddedMailServer(settings, identityWith(), "demo");
      server.run(null);
      assertThat(server.server()).isNull();
      server.destroy();
    }
  }

  private static Store imapStore() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("mail.imap.connectiontimeout", "5000");
    properties.setProperty("mail.imap.timeout", "5000");
    return Session.getInstance(properties).getStore("imap");
  }

  private static IdentityService identityWith(User... users) {
    IdentityService identity = mock(IdentityService.class);
    UserQuery query = mock(UserQuery.class);
    when(identity.createUserQuery()).thenReturn(query);
    when(query.list()).thenReturn(List.of(users));
    return identity;
  }

  private static User user(String id, String email) {
    User user = mock(User.class);
    when(user.getId()).thenReturn(id);
    when(user.getEmail()).thenReturn(email);
    return user;
  }

  private static PropertySource<?> yaml(String file) {
    return ProfileYaml.load(file);
  }
}
