package co.edu.idep.mesa.servicelevel;

/**
 * The two targets every ticket has (issue 9, point 4). Each one is a row of
 * {@code ticket_service_level} and an output of the decision table {@code niveles-de-servicio}.
 */
public enum ServiceLevelKind {
  /** A member of the assigned group takes the ticket. */
  FIRST_ATTENTION("Primera atención", "firstAttentionHours"),
  /** A solution is ready for the requester to verify. */
  RESOLUTION("Solución", "resolutionHours");

  private final String label;
  private final String tableOutput;

  ServiceLevelKind(String label, String tableOutput) {
    this.label = label;
    this.tableOutput = tableOutput;
  }

  public String label() {
    return label;
  }

  /** The output of {@code niveles-de-servicio} that gives this target, in working hours. */
  String tableOutput() {
    return tableOutput;
  }
}
