package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.engine.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;

/**
 * The process variables of "Mesa de Servicios" that only the process's own code writes: what the
 * gateways, candidate groups and the verification assignee read. The form fields' variables are
 * named by the field catalogue ({@code ticket.field.Fields}).
 */
public final class TicketVariables {

  public static final String PROCESS_KEY = "mesa-de-servicios";

  /** The ticket's code, also the business key. */
  public static final ProcessVariable<String> TICKET_CODE = ProcessVariable.text("ticketCode");
  /** Who opened the ticket: the start event's initiator, the assignee of "Verificar la solución". */
  public static final ProcessVariable<String> REQUESTER = ProcessVariable.text("requester");
  /** The topic code; the gateways route on it. */
  public static final ProcessVariable<String> TOPIC = ProcessVariable.text("topic");
  /** The topic before a change at "Verificar el tema". */
  public static final ProcessVariable<String> PREVIOUS_TOPIC = ProcessVariable.text("previousTopic");
  /** The group the decision table assigned: the candidate group of the topic's tasks. */
  public static final ProcessVariable<String> CANDIDATE_GROUP = ProcessVariable.text("candidateGroup");
  /** ALTA, MEDIA or BAJA. */
  public static final ProcessVariable<String> PRIORITY = ProcessVariable.text("priority");

  private TicketVariables() {}

  public static String ticketCode(VariableScope scope) {
    return TICKET_CODE.get(scope);
  }

  /** The value as a process variable: lists become Spin JSON, as Tasklist's forms submit them. */
  public static Object processValue(Object value) {
    return value instanceof List<?> list ? Spin.JSON(list) : value;
  }

  public static Topic topic(VariableScope scope) {
    return Topic.fromCode(TOPIC.get(scope)).orElseThrow();
  }
}
