package co.edu.idep.mesa.ticket;

import java.util.HashMap;
import java.util.Map;

/** A request that passed validation: the topic, the texts and the topic's own fields. */
public record TicketRequest(
    Topic topic, String subject, String description, Map<String, Object> details) {

  /** The process variables; lists become Spin JSON, as Tasklist's forms submit them. */
  public Map<String, Object> toVariables() {
    Map<String, Object> variables = new HashMap<>();
    details.forEach((key, value) -> variables.put(key, TicketVariables.processValue(value)));
    variables.put("topic", topic.name());
    variables.put("subject", subject);
    variables.put("description", description);
    return variables;
  }
}
