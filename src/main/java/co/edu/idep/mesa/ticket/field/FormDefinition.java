package co.edu.idep.mesa.ticket.field;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One form of {@code forms/}: its id (the file name) and the fields it shows, in order. */
public record FormDefinition(String id, List<FormField> fields) {

  public FormDefinition {
    fields = List.copyOf(fields);
    Set<String> keys = new LinkedHashSet<>();
    for (FormField field : fields) {
      if (!keys.add(field.key())) throw new IllegalStateException(id + " shows " + field.key() + " twice");
    }
  }

  public Optional<FormField> field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /** The keys the person may set by submitting this form. */
  public Set<String> editableKeys() {
    return keys(true);
  }

  public Set<String> readOnlyKeys() {
    return keys(false);
  }

  private Set<String> keys(boolean editable) {
    Set<String> keys = new LinkedHashSet<>();
    fields.stream().filter(f -> f.editable() == editable).forEach(f -> keys.add(f.key()));
    return Collections.unmodifiableSet(keys);
  }

  static Builder form(String id) {
    return new Builder(id);
  }

  static final class Builder {

    private final String id;
    private final List<FormField> fields = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    Builder show(Field... shown) {
      for (Field field : shown) fields.add(FormField.show(field));
      return this;
    }

    Builder edit(Field... edited) {
      return edit(List.of(edited));
    }

    Builder edit(Collection<Field> edited) {
      edited.forEach(field -> fields.add(FormField.edit(field)));
      return this;
    }

    Builder with(FormField... placed) {
      fields.addAll(List.of(placed));
      return this;
    }

    Builder with(List<FormField> placed) {
      fields.addAll(placed);
      return this;
    }

    FormDefinition build() {
      return new FormDefinition(id, fields);
    }
  }
}
