package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.field.Fields;
import co.edu.idep.mesa.ticket.field.Priority;
import co.edu.idep.mesa.validation.InvalidInputException;
import org.springframework.stereotype.Service;

/** Who attends a ticket: the group the decision table chose, and the topic changes of step 3. */
@Service
public class TicketAssignment {

  private final TicketRepository tickets;
  private final TicketTimeline timeline;
  public TicketAssignment(TicketRepository tickets, TicketTimeline timeline) {
    this.tickets = tickets;
    this.timeline = timeline;
  }

  public void assign(String code, String group, String priority) {
    tickets.updateAssignment(code, group, priority, timeline.now());
    timeline.record(code, NoteKind.ASIGNACION,
        "Asignado automáticamente a «" + groupName(group) + "» con prioridad " + priority + ".");
  }

  /**
   * Step 3: the agent's answer to «¿El incidente corresponde con el tema seleccionado?». A new topic
   * must differ from the current one; the change itself is {@link #changeTopic}, run by the diagram.
   */
  public void reviewTopic(String code, Topic current, boolean matches, String newTopic, String comment) {
    if (!matches && current.name().equals(newTopic)) {
      throw new InvalidInputException(Fields.NEW_TOPIC.key(), "El nuevo tema debe ser distinto del tema actual.");
    }
    if (matches) confirmTopic(code, current, comment);
  }

  /** The agent sets another priority than the topic's; the record and its timeline say so, and why. */
  public void changePriority(String code, Priority from, Priority to, String reason) {
    tickets.updatePriority(code, to.name(), timeline.now());
    timeline.record(code, NoteKind.PRIORIDAD_CAMBIADA,
        "Prioridad cambiada" + (from == null ? "" : " de " + from.label()) + " a " + to.label() + ". Motivo: " + reason);
  }

  public void confirmTopic(String code, Topic topic, String comment) {
    timeline.record(code, NoteKind.TEMA_CONFIRMADO,
        "El tema «" + topic.label() + "» corresponde al incidente." + suffix(comment),
        TicketState.EN_ATENCION);
  }

  public void changeTopic(String code, Topic from, Topic to, String comment) {
    tickets.updateTopic(code, to, timeline.now());
    timeline.record(code, NoteKind.TEMA_CAMBIADO,
        "Tema cambiado de «" + from.label() + "» a «" + to.label() + "»." + suffix(comment),
        TicketState.EN_ATENCION);
  }

  private static String groupName(String groupId) {
    return Roles.NAMES.getOrDefault(groupId, groupId);
  }

  static String suffix(String comment) {
    return comment == null || comment.isBlank() ? "" : " Observación: " + comment;
  }
}
