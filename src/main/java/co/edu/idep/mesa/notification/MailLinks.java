package co.edu.idep.mesa.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links for the messages, built on the address people reach the application at
 * ({@code mesa.public-url}): the mail is read elsewhere, so no link can be relative. Templates use
 * it as {@code links}: {@code ${links.ticket(code)}}, {@code ${links.task(taskId)}}.
 */
@Component
public class MailLinks {

  static final String TASKLIST = "/camunda/app/tasklist/default/";

  private final String publicUrl;

  public MailLinks(@Value("${mesa.public-url}") String publicUrl) {
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  public String publicUrl() {
    return publicUrl;
  }

  /** Tasklist, searching the open tasks of the ticket (or report) {@code code}. */
  public String ticket(String code) {
    String search = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + code + "\"}]";
    return publicUrl + TASKLIST + "#/?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
  }

  /** Tasklist, with the task {@code taskId} open. */
  public String task(String taskId) {
    return publicUrl + TASKLIST + "#/?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
  }
}
