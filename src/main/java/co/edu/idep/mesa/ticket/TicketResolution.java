package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.ticket.field.Fields;
import org.springframework.stereotype.Service;

/** Steps 6–14 on the ticket record: evaluation, solution, the requester's answer, closure. */
@Service
public class TicketResolution {

  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  public TicketResolution(TicketRepository tickets, TicketTimeline timeline) {
    this.tickets = tickets;
    this.timeline = timeline;
  }

  public void evaluated(String code, boolean canResolve, String diagnosis) {
    String outcome = canResolve ? "Se puede resolver internamente." : "No se puede resolver internamente.";
    timeline.record(code, NoteKind.EVALUACION, "Evaluación: " + outcome
        + (diagnosis == null ? "" : " Diagnóstico: " + diagnosis), TicketState.EN_ATENCION);
  }

  /** Who attended it could not solve it: said on the ticket, which goes on to whoever decides. */
  public void notSolved(String code, String who, String reason) {
    timeline.record(code, NoteKind.SOLUCION, who + " no pudo resolver el incidente: " + reason);
  }

  /** The Jefe OAP's decision on an incident nobody could solve: what the requester is told. */
  public void decidedUnsolved(String code, String decision) {
    timeline.record(code, NoteKind.SOLUCION, "Incidente sin solución técnica. Decisión del Jefe OAP: " + decision,
        TicketState.RESUELTO);
  }

  public void solved(String code, String solution, boolean byProvider) {
    timeline.record(code, NoteKind.SOLUCION,
        (byProvider ? "Solución del proveedor: " : "Solución: ") + solution, TicketState.RESUELTO);
  }

  /**
   * Steps 12–13: the requester's answer. {@code channel} is how he gave it when help-desk staff
   * record it for him (step 13 names the contractor and the technician), null when he answered himself.
   */
  public void answered(String code, boolean satisfied, int score, String comment, String channel) {
    tickets.recordSatisfaction(code, score, timeline.now());
    String body = (satisfied ? "Solución completa y satisfactoria" : "Solución no satisfactoria")
        + " (calificación " + score + " de 5)." + TicketAssignment.suffix(comment)
        + (channel == null ? "" : " Respuesta dada por el solicitante "
            + (Fields.ANSWER_BY_PHONE.equals(channel) ? "por teléfono" : "en persona")
            + " y registrada por la mesa de servicios.");
    if (satisfied) {
      timeline.record(code, NoteKind.RESPUESTA_SOLICITANTE, body);
    } else {
      timeline.record(code, NoteKind.RESPUESTA_SOLICITANTE, body, TicketState.EN_ATENCION);
    }
  }

  /** The requester did not answer within the configured working days: closed all the same, and said so. */
  public void closeWithoutAnswer(String code, long workingDays) {
    timeline.record(code, NoteKind.CIERRE, "Ticket cerrado sin respuesta del solicitante: no verificó la solución en "
        + workingDays + " días hábiles.");
    tickets.close(code, TicketState.CERRADO_SIN_RESPUESTA, timeline.now());
  }

  public void close(String code) {
    timeline.record(code, NoteKind.CIERRE,
        "Ticket cerrado tras la respuesta satisfactoria del solicitante.");
    tickets.close(code, timeline.now());
  }
}
