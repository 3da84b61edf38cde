package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.ticket.field.Field;
import co.edu.idep.mesa.ticket.field.FieldCatalogue;
import co.edu.idep.mesa.validation.InputReader;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Technical support (step 6) and the information and web systems (steps 8 and 9): their fields
 * have no rule beyond the catalogue's, so a field added to these topics there is read here as well.
 */
@Component
public class SupportFields implements TopicFields {

  @Override
  public boolean appliesTo(Topic topic) {
    return topic == Topic.SOPORTE_TECNICO || topic.isSystemSupport();
  }

  @Override
  public void read(Topic topic, InputReader in, Map<String, Object> out) {
    for (Field field : FieldCatalogue.topicFields(topic)) {
      InputReader.put(out, field.key(), field.read(in));
    }
  }
}
