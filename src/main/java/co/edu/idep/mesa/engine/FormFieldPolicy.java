package co.edu.idep.mesa.engine;

import java.util.Optional;
import java.util.Set;

/**
 * Which variables a person may set by submitting a form: the fields the form lets him edit.
 * Implemented from the field catalogue; {@link VariableWriteGuard} asks it on every start and task
 * completion.
 */
public interface FormFieldPolicy {

  /** The keys a person may set through form {@code formId}; empty if the form is unknown. */
  Set<String> editable(String formId);

  /** The keys form {@code formId} shows read-only: submitted unchanged they are dropped, changed they are refused. */
  Set<String> readOnly(String formId);

  /** The Spanish label of a field, for messages; empty if the key is no field. */
  Optional<String> label(String key);
}
