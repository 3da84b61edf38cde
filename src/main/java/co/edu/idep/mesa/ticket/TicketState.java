package co.edu.idep.mesa.ticket;

/** The current state of a ticket, as the procedure's definition of "Ticket" asks for. */
public enum TicketState {
  REGISTRADO("Registrado"),
  ASIGNADO("Asignado"),
  EN_ATENCION("En atención"),
  ESCALADO("Escalado"),
  RESUELTO("Resuelto"),
  CERRADO("Cerrado"),
  /** The requester never answered the verification: closed after the configured working days. */
  CERRADO_SIN_RESPUESTA("Cerrado sin respuesta del solicitante");

  private final String label;

  TicketState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isClosed() {
    return this == CERRADO || this == CERRADO_SIN_RESPUESTA;
  }
}
