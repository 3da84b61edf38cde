package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.engine.TrustedCalls;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.servicelevel.ServiceLevelView;
import co.edu.idep.mesa.servicelevel.ServiceLevels;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What {@code /api/tickets} offers: open a ticket, list one's own, read one. */
@Service
public class TicketService {

  /** Who supervises every ticket: the head of the planning office and the administrators. */
  static final Set<String> SUPERVISORS = Set.of(Roles.HEAD_OF_OFFICE, Roles.ADMIN);

  private final TicketRequestValidator validator;
  private final RuntimeService runtime;
  private final TicketRepository tickets;
  private final ServiceLevels serviceLevels;

  public TicketService(TicketRequestValidator validator, RuntimeService runtime, TicketRepository tickets,
      ServiceLevels serviceLevels) {
    this.validator = validator;
    this.runtime = runtime;
    this.tickets = tickets;
    this.serviceLevels = serviceLevels;
  }

  /**
   * Starts "Mesa de Servicios" as the authenticated user, who becomes the requester. One
   * transaction: either the ticket and its process instance both exist, or neither does.
   */
  @Transactional
  public String open(Map<String, Object> input) {
    // Checked here first so that bad input costs no engine work; the process checks it again.
    TicketRequest request = validator.validate(input);
    // Validated above and limited to the start form's fields: the application's own call.
    ProcessInstance instance = TrustedCalls.run(() -> runtime
        .createProcessInstanceByKey(TicketVariables.PROCESS_KEY)
        .setVariables(request.toVariables())
        .execute());
    // "Registrar el ticket" made the ticket's code the business key.
    return instance.getBusinessKey();
  }

  public List<Ticket> mine(String user) {
    return tickets.findByRequester(user);
  }

  public Optional<Ticket> find(String code, String user, Set<String> groups) {
    return tickets.findByCode(code).filter(t -> mayRead(t, user, groups));
  }

  /**
   * The requester, the supervisors, and the agents of the ticket's topic: the group the decision
   * table assigned and, for Goobi, the engineer it may be escalated to.
   */
  static boolean mayRead(Ticket ticket, String user, Set<String> groups) {
    return ticket.requester().equals(user)
        || groups.stream().anyMatch(SUPERVISORS::contains)
        || (ticket.assignedGroup() != null && groups.contains(ticket.assignedGroup()))
        || (ticket.topic() == Topic.SOPORTE_GOOBI && groups.contains(Roles.GOOBI_ENGINEER));
  }

  public List<TicketNote> timeline(String code) {
    return tickets.notes(code);
  }

  /** The ticket's service-level targets: due times, working time used, met or not. */
  public List<ServiceLevelView> serviceLevels(String code) {
    return serviceLevels.status(code);
  }

  /** As {@link #serviceLevels(String)}, for a list of tickets: code → its targets. */
  public Map<String, List<ServiceLevelView>> serviceLevels(Collection<String> codes) {
    return serviceLevels.status(codes);
  }
}
