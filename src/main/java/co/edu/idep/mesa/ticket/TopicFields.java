package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.validation.InputReader;

import java.util.Map;

/**
 * The data a help topic asks for (step 2: "dependiendo de este el sistema le solicitará unos
 * datos específicos"). Each capability contributes its own rules as a Spring bean; the fields, their
 * labels, limits and formats are the field catalogue's ({@code FieldCatalogue.topicFields}).
 */
public interface TopicFields {

  boolean appliesTo(Topic topic);

  /** Reads and checks this topic's fields, putting the accepted values into {@code out}. */
  void read(Topic topic, InputReader in, Map<String, Object> out);
}
