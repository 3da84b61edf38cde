package co.edu.idep.mesa.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/** Where Camunda's Tasklist is, from the application's root: its login, and a task opened in it. */
@Component
public class TasklistAddress {

  private final String path;

  public TasklistAddress(CamundaBpmProperties camunda, ProcessEngine engine) {
    this.path = camunda.getWebapp().getApplicationPath() + "/app/tasklist/" + engine.getName() + "/";
  }

  /** E.g. {@code /camunda/app/tasklist/default/}. */
  public String path() {
    return path;
  }

  /** Tasklist with the task {@code taskId} open. */
  public String task(String taskId) {
    return path + "#/?task=" + URLEncoder.encode(taskId, StandardCharsets.UTF_8);
  }
}
