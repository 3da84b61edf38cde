package co.edu.idep.mesa.ticket;

import java.time.OffsetDateTime;
import java.util.Map;

/** A ticket as stored in the domain tables; {@code details} holds the topic's own fields. */
public record Ticket(
    String code,
    String processInstanceId,
    Topic topic,
    String subject,
    String description,
    Map<String, Object> details,
    String requester,
    String assignedGroup,
    String priority,
    TicketState state,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt,
    OffsetDateTime closedAt,
    Integer satisfactionScore) {

  /** The same ticket assigned by the decision table: its group, its priority, state ASIGNADO. */
  Ticket assigned(String group, String priority, OffsetDateTime now) {
    return new Ticket(code, processInstanceId, topic, subject, description, details, requester, group, priority,
        TicketState.ASIGNADO, createdAt, now, closedAt, satisfactionScore);
  }
}
