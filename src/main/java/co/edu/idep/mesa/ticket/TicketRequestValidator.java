package co.edu.idep.mesa.ticket;

import static co.edu.idep.mesa.ticket.field.Fields.DESCRIPTION;
import static co.edu.idep.mesa.ticket.field.Fields.SUBJECT;
import static co.edu.idep.mesa.ticket.field.Fields.TOPIC;

import co.edu.idep.mesa.validation.InputReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one server-side validation of a new ticket, shared by {@code POST /api/tickets} and the
 * Tasklist start form (through {@link RegisterTicketDelegate}). Only the fields the chosen topic
 * asks for are kept: the procedure needs nothing else. Labels, limits and formats come from the
 * field catalogue, as the start form's do.
 */
@Component
public class TicketRequestValidator {

  private final List<TopicFields> topicFields;

  public TicketRequestValidator(List<TopicFields> topicFields) {
    this.topicFields = topicFields;
  }

  public TicketRequest validate(Map<String, Object> input) {
    InputReader in = new InputReader(input);
    String code = TOPIC.choice(in);
    String subject = SUBJECT.text(in);
    String description = DESCRIPTION.text(in);
    Map<String, Object> details = new LinkedHashMap<>();
    Topic topic = Topic.fromCode(code).orElse(null);
    if (topic != null) {
      topicFields.stream().filter(f -> f.appliesTo(topic)).forEach(f -> f.read(topic, in, details));
    }
    in.throwIfInvalid();
    return new TicketRequest(topic, subject, description, details);
  }
}
