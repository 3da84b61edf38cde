package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.validation.InvalidInputException;

import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Step 2, "Registrar el ticket": validate, give the ticket its code, store it, note it. */
@Service
public class TicketRegistration {

  private final TicketRequestValidator validator;
  private final TicketCodeGenerator codes;
  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  public TicketRegistration(TicketRequestValidator validator, TicketCodeGenerator codes,
      TicketRepository tickets, TicketTimeline timeline) {
    this.validator = validator;
    this.codes = codes;
    this.tickets = tickets;
    this.timeline = timeline;
  }

  public record Registered(String code, TicketRequest request) {}

  public Registered register(String requester, String processInstanceId, Map<String, Object> input) {
    if (requester == null || requester.isBlank()) {
      // Scope of the procedure: only registered users, logged in, may open tickets.
      throw new InvalidInputException("requester",
          "Solo los usuarios registrados que han iniciado sesión pueden abrir tickets.");
    }
    TicketRequest request = validator.validate(input);
    OffsetDateTime now = timeline.now();
    String code = codes.next(now.getYear());
    tickets.insert(new Ticket(code, processInstanceId, request.topic(), request.subject(),
        request.description(), request.details(), requester, null, null, TicketState.REGISTRADO,
        now, now, null, null));
    timeline.record(code, NoteKind.REGISTRO,
        "Ticket registrado con el tema «" + request.topic().label() + "».");
    return new Registered(code, request);
  }
}
