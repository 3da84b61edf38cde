package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.validation.InputReader;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one server-side validation of a new ticket, shared by {@code POST /api/tickets} and the
 * Tasklist start form (through {@link RegisterTicketDelegate}). Only the fields the chosen topic
 * asks for are kept: the procedure needs nothing else.
 */
@Component
public class TicketRequestValidator {

  static final List<String> TOPIC_CODES = Arrays.stream(Topic.values()).map(Topic::name).toList();

  private final List<TopicFields> topicFields;

  public TicketRequestValidator(List<TopicFields> topicFields) {
    this.topicFields = topicFields;
  }

  public TicketRequest validate(Map<String, Object> input) {
    InputReader in = new InputReader(input);
    String code = in.choice("topic", "Tema de ayuda", true, TOPIC_CODES);
    String subject = in.text("subject", "Asunto", true, 150);
    String description = in.text("description", "Descripción", true, 4000);
    Map<String, Object> details = new LinkedHashMap<>();
    Topic topic = Topic.fromCode(code).orElse(null);
    if (topic != null) {
      topicFields.stream().filter(f -> f.appliesTo(topic)).forEach(f -> f.read(topic, in, details));
    }
    in.throwIfInvalid();
    return new TicketRequest(topic, subject, description, details);
  }
}
