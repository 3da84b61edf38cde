package co.edu.idep.mesa.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The mail server of the embedded default profile, so that a newcomer sees the notifications with
 * nothing else installed: GreenMail with SMTP (where the sender delivers) and IMAP (where any mail
 * client, or curl, reads them), on the loopback address only. Every Camunda user with an address
 * gets a mailbox that opens with that address and the demo password; mail to any other address is
 * kept too. Off in every other profile, which points {@code spring.mail.*} to the institute's server.
 */
@Component
@Order(10) // after DemoUsers, whose accounts it opens mailboxes for
@ConditionalOnProperty(name = "mesa.mail.embedded-server.enabled", havingValue = "true")
public class EmbeddedMailServer implements ApplicationRunner, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final MailSettings.EmbeddedServer setup;
  private final IdentityService identity;
  private final String password;
  private GreenMail greenMail;

  public EmbeddedMailServer(MailSettings settings, IdentityService identity,
      @Value("${mesa.demo-users.password}") String password) {
    this.setup = settings.embeddedServer();
    this.identity = identity;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    // A second instance on this machine, say: the help desk runs on, its mail waits in the outbox.
    // Checked first, since GreenMail would log its own failure as an error with a stack trace.
    if (!free(setup.smtpPort()) || !free(setup.imapPort())) {
      log.warn("The embedded mail server did not start: {}:{} or {}:{} is taken (another instance?)", setup.host(),
          setup.smtpPort(), setup.host(), setup.imapPort());
      return;
    }
    GreenMail server = new GreenMail(new ServerSetup[] {
        new ServerSetup(setup.smtpPort(), setup.host(), ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(setup.imapPort(), setup.host(), ServerSetup.PROTOCOL_IMAP)});
    try {
      server.start();
    } catch (RuntimeException e) {
      server.stop();
      log.warn("The embedded mail server did not start on {} (SMTP {}, IMAP {}): {}", setup.host(), setup.smtpPort(),
          setup.imapPort(), e.getMessage());
      return;
    }
    greenMail = server;
    int mailboxes = openMailboxes();
    log.info("Embedded mail server: SMTP {}:{}, IMAP {}:{}, {} mailboxes (login: the address, password: the demo one)",
        setup.host(), setup.smtpPort(), setup.host(), setup.imapPort(), mailboxes);
  }

  /** A mailbox for every user with an address: login and address alike, the demo password. */
  int openMailboxes() {
    int opened = 0;
    for (User user : identity.createUserQuery().list()) {
      if (!OutgoingMail.isAddress(user.getEmail())) continue;
      String address = user.getEmail().strip();
      greenMail.setUser(address, address, password);
      opened++;
    }
    return opened;
  }

  private boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(setup.host(), port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** The running server, or null if it did not start. */
  GreenMail server() {
    return greenMail;
  }

  @Override
  public void destroy() {
    if (greenMail != null) greenMail.stop();
  }
}
