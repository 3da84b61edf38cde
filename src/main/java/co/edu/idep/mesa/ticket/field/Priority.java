package co.edu.idep.mesa.ticket.field;

import java.util.Arrays;
import java.util.List;

/**
 * The ticket priorities, written once. The decision table {@code asignacion-por-tema.dmn} gives each
 * topic one of them, a test keeps the table to these values, and the user tasks take their Tasklist
 * ordering from here ({@code TasklistPriority}).
 */
public enum Priority {
  ALTA("Alta", 80),
  MEDIA("Media", 50),
  BAJA("Baja", 20);

  private final String label;
  private final int taskPriority;

  Priority(String label, int taskPriority) {
    this.label = label;
    this.taskPriority = taskPriority;
  }

  public String label() {
    return label;
  }

  /** The task priority Tasklist sorts by. */
  public int taskPriority() {
    return taskPriority;
  }

  public static java.util.Optional<Priority> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.name().equals(code)).findFirst();
  }

  static List<Option> options() {
    return Arrays.stream(values()).map(p -> new Option(p.name(), p.label)).toList();
  }
}
