package co.edu.idep.mesa.ticket.field;

import co.edu.idep.mesa.ticket.Topic;
import java.util.List;
import java.util.Optional;

/**
 * The one catalogue of fields: every field ({@link Fields}) and every form ({@link Forms}). Server
 * validation, the personal-data masking, the fields a form lets a person write and
 * {@code docs/fields.md} are all read from here.
 */
public final class FieldCatalogue {

  private FieldCatalogue() {}

  public static List<Field> fields() {
    return Fields.all();
  }

  public static Optional<Field> field(String key) {
    return Fields.all().stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** Every field a new ticket may carry, whatever its topic. */
  public static List<Field> requestFields() {
    return Fields.all().stream().filter(f -> !f.topics().isEmpty()).toList();
  }

  /** The fields a new ticket of this topic carries: the common ones and the topic's own. */
  public static List<Field> requestFields(Topic topic) {
    return Fields.all().stream().filter(f -> f.carries(topic)).toList();
  }

  /** The topic's own fields: those the other topics do not ask for. */
  public static List<Field> topicFields(Topic topic) {
    return Fields.all().stream().filter(f -> f.carries(topic) && !f.carriedByEveryTopic()).toList();
  }

  /** The keys of personal data (Ley 1581 de 2012). */
  public static List<String> personalKeys() {
    return Fields.all().stream().filter(Field::personal).map(Field::key).toList();
  }

  public static List<FormDefinition> forms() {
    return Forms.ALL;
  }

  public static Optional<FormDefinition> form(String id) {
    return Forms.ALL.stream().filter(f -> f.id().equals(id)).findFirst();
  }
}
