package co.edu.idep.mesa.ticket;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Writes the ticket's timeline: one note at every control point of the procedure, signed by the
 * person whose action caused it (the authenticated user), or by "sistema" for automatic steps.
 */
@Service
public class TicketTimeline {

  public static final String SYSTEM_AUTHOR = "sistema";

  private final TicketRepository tickets;
  private final IdentityService identity;
  private final Clock clock;

  public TicketTimeline(TicketRepository tickets, IdentityService identity, Clock clock) {
    this.tickets = tickets;
    this.identity = identity;
    this.clock = clock;
  }

  public void record(String code, NoteKind kind, String body) {
    tickets.addNote(code, new TicketNote(now(), currentUser(), kind, body));
  }

  public void record(String code, NoteKind kind, String body, TicketState newState) {
    record(code, kind, body);
    tickets.updateState(code, newState, now());
  }

  public String currentUser() {
    Authentication authentication = identity.getCurrentAuthentication();
    return authentication != null && authentication.getUserId() != null
        ? authentication.getUserId()
        : SYSTEM_AUTHOR;
  }

  public OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
