package co.edu.idep.mesa.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/** Test helpers around GreenMail: free ports, and what a received message says. */
final class Mailboxes {

  private Mailboxes() {}

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GreenMail SMTP server on 127.0.0.1:{@code port}, not started. */
  static GreenMail smtp(int port) {
    return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  static List<String> to(MimeMessage message) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The first part of {@code mimeType} ("text/plain", "text/html"), decoded. */
  static String part(MimeMessage message, String mimeType) {
    try {
      String found = find(message, mimeType);
      if (found == null) throw new AssertionError("No " + mimeType + " part");
      return found;
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String find(Part part, String mimeType) throws MessagingException, IOException {
    if (part.isMimeType(mimeType)) return (String) part.getContent();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = find(multipart.getBodyPart(i), mimeType);
        if (found != null) return found;
      }
    }
    return null;
  }
}
