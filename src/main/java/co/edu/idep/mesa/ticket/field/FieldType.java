package co.edu.idep.mesa.ticket.field;

/** What kind of value a field holds, and so how the server reads it and which form widgets may show it. */
public enum FieldType {
  TEXT("text"),
  LONG_TEXT("long text"),
  CHOICE("one of the options"),
  MULTI_CHOICE("one or more of the options"),
  BOOLEAN("yes or no"),
  /** A box the person must tick: a statement he confirms, such as a signed policy. */
  CONFIRMATION("box that must be ticked"),
  INTEGER("whole number"),
  DATE("date (yyyy-MM-dd)");

  private final String description;

  FieldType(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
