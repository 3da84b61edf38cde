package co.edu.idep.mesa.inventory;

import java.util.List;

/** A CSV import that wrote nothing, with every reason by line; it rolls back the import's transaction. */
public class ImportRefusedException extends RuntimeException {

  private final transient List<RowError> errors;

  public ImportRefusedException(List<RowError> errors) {
    // The rows' values stay out of the message: it may reach a log.
    super("CSV import refused: " + errors.size() + " errors");
    this.errors = List.copyOf(errors);
  }

  public List<RowError> errors() {
    return errors;
  }
}
