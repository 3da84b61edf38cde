package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.notification.Notifications;
import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Goobi's escalation stays in the institute: the ticket is reassigned to the engineer in charge. */
@Service
public class GoobiReassignment {

  static final String ASSIGNED = "TICKET_ASIGNADO_INGENIERO";

  private final TicketRepository tickets;
  private final TicketTimeline timeline;
  private final Notifications notifications;
  private final EscalationRepository records;
  private final Clock clock;
  private final String engineer;

  public GoobiReassignment(TicketRepository tickets, TicketTimeline timeline, Notifications notifications,
      EscalationRepository records, Clock clock, @Value("${mesa.goobi.engineer}") String engineer) {
    if (engineer == null || !engineer.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException("mesa.goobi.engineer must be the user id of the Goobi engineer");
    }
    this.tickets = tickets;
    this.timeline = timeline;
    this.notifications = notifications;
    this.records = records;
    this.clock = clock;
    this.engineer = engineer;
  }

  /** @return the engineer's user id, the task's assignee */
  public String reassign(String code, String key) {
    Ticket ticket = tickets.findByCode(code).orElseThrow();
    tickets.updateAssignment(code, Roles.GOOBI_ENGINEER, ticket.priority(), timeline.now());
    if (records.insertIfAbsent(new EscalationRecord(0, code, key, null, "Ingeniero a cargo de Goobi",
        EscalationChannel.REASIGNACION, null, engineer, null, null, null, clock.instant()))) {
      Map<String, Object> model = new HashMap<>();
      model.put("code", code);
      model.put("subject", ticket.subject());
      model.put("topic", ticket.topic().label());
      model.put("description", ticket.description());
      notifications.toUsers(new Notice(ASSIGNED, key, code, "ticket-asignado-ingeniero", model), List.of(engineer));
    }
    timeline.record(code, NoteKind.ESCALAMIENTO, "Escalado al ingeniero a cargo de Goobi (" + engineer
        + ") por reasignación: el contratista de sistemas de información no pudo resolverlo; se le avisó por correo.",
        TicketState.ESCALADO);
    return engineer;
  }
}
