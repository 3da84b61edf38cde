package co.edu.idep.mesa.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What {@code /api/tickets} offers: open a ticket, list one's own, read one. */
@Service
public class TicketService {

  /** Help-desk staff may read every ticket; anybody else only their own. */
  public static final Set<String> STAFF_GROUPS = Set.of("tecnico-operativo", "sistemas-informacion",
      "ingeniero-goobi", "ingeniero-web", "jefe-oap", "camunda-admin");

  private final TicketRequestValidator validator;
  private final RuntimeService runtime;
  private final TicketRepository tickets;

  public TicketService(TicketRequestValidator validator, RuntimeService runtime, TicketRepository tickets) {
    this.validator = validator;
    this.runtime = runtime;
    this.tickets = tickets;
  }

  /**
   * Starts "Mesa de Servicios" as the authenticated user, who becomes the requester. One
   * transaction: either the ticket and its process instance both exist, or neither does.
   */
  @Transactional
  public String open(Map<String, Object> input) {
    // Checked here first so that bad input costs no engine work; the process checks it again.
    TicketRequest request = validator.validate(input);
    ProcessInstanceWithVariables instance = runtime
        .createProcessInstanceByKey(TicketVariables.PROCESS_KEY)
        .setVariables(request.toVariables())
        .executeWithVariablesInReturn();
    return (String) instance.getVariables().get(TicketVariables.TICKET_CODE);
  }

  public List<Ticket> mine(String user) {
    return tickets.findByRequester(user);
  }

  public Optional<Ticket> find(String code, String user, Set<String> groups) {
    return tickets.findByCode(code)
        .filter(t -> t.requester().equals(user) || groups.stream().anyMatch(STAFF_GROUPS::contains));
  }

  public List<TicketNote> timeline(String code) {
    return tickets.notes(code);
  }
}
