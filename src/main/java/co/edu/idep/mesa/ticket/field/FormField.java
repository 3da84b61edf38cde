package co.edu.idep.mesa.ticket.field;

import java.util.List;

/**
 * A field as one form shows it: editable by the person who submits the form, or read-only. A form
 * may word the label or the options for its own context («¿La falla puede ser resuelta por el
 * técnico operativo?») and ask for an optional field; everything else is the field's.
 */
public record FormField(Field field, boolean editable, String label, boolean required, List<Option> options) {

  public FormField {
    options = List.copyOf(options);
  }

  public static FormField edit(Field field) {
    return new FormField(field, true, field.label(), field.required(), field.options());
  }

  public static FormField show(Field field) {
    return new FormField(field, false, field.label(), false, field.options());
  }

  public String key() {
    return field.key();
  }

  /** The label this form shows. */
  public FormField as(String label) {
    return new FormField(field, editable, label, required, options);
  }

  /** Required in this form although the field is optional elsewhere. */
  public FormField requiredHere() {
    return new FormField(field, editable, label, true, options);
  }

  public FormField options(Option... options) {
    return new FormField(field, editable, label, required, List.of(options));
  }
}
