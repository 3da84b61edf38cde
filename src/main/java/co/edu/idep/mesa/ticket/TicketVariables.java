package co.edu.idep.mesa.ticket;

import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;

/** Names of the process variables that the diagram and the Java code share. */
public final class TicketVariables {

  public static final String PROCESS_KEY = "mesa-de-servicios";
  public static final String TICKET_CODE = "ticketCode";
  public static final String REQUESTER = "requester";
  public static final String TOPIC = "topic";

  private TicketVariables() {}

  public static String ticketCode(VariableScope scope) {
    return (String) scope.getVariable(TICKET_CODE);
  }

  /** The value as a process variable: lists become Spin JSON, as Tasklist's forms submit them. */
  public static Object processValue(Object value) {
    return value instanceof List<?> list ? Spin.JSON(list) : value;
  }

  public static Topic topic(VariableScope scope) {
    return Topic.fromCode(scope.getVariable(TOPIC)).orElseThrow();
  }
}
