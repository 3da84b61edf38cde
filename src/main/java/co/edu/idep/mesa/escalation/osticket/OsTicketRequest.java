package co.edu.idep.mesa.escalation.osticket;

/**
 * A case to open on the vendor's help desk: the four fields osTicket's {@code api/tickets.json}
 * requires. The vendor's help desk shows {@code name} and {@code email} as who opened the case (and
 * may answer to that address), {@code subject} as its title and {@code message} as its first entry,
 * as plain text.
 *
 * <p>It may carry personal data (the requester's contact in the message): its {@link #toString()}
 * shows none of it, so that it never lands in a log by accident.
 */
public record OsTicketRequest(String name, String email, String subject, String message) {

  public OsTicketRequest {
    required(name, "el nombre");
    required(email, "el correo");
    required(subject, "el asunto");
    required(message, "el mensaje");
  }

  private static void required(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Falta " + what + " del caso para la mesa de ayuda del proveedor");
    }
  }

  @Override
  public String toString() {
    return "OsTicketRequest[subject: " + subject.length() + " caracteres, message: " + message.length() + " caracteres]";
  }
}
