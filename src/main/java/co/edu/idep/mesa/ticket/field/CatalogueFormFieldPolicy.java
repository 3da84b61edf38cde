package co.edu.idep.mesa.ticket.field;

import co.edu.idep.mesa.engine.FormFieldPolicy;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What a form lets a person write, as the catalogue says: the engine's guard asks it. */
@Component
public class CatalogueFormFieldPolicy implements FormFieldPolicy {

  @Override
  public Set<String> editable(String formId) {
    return FieldCatalogue.form(formId).map(FormDefinition::editableKeys).orElse(Set.of());
  }

  @Override
  public Set<String> readOnly(String formId) {
    return FieldCatalogue.form(formId).map(FormDefinition::readOnlyKeys).orElse(Set.of());
  }

  @Override
  public Optional<String> label(String key) {
    return FieldCatalogue.field(key).map(Field::label);
  }
}
