package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.ticket.SpanishDates;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Steps 5 and 10 for loans, and the loan's life after them: the equipment is prepared, reserved,
 * handed over and returned. Each step changes the loan's record and writes the ticket's timeline.
 */
@Service
public class EquipmentLoan {

  static final DateTimeFormatter DAY = SpanishDates.SHORT_DATE;

  private final TicketRepository tickets;
  private final TicketTimeline timeline;
  private final LoanRepository loans;
  private final AssetRepository assets;

  public EquipmentLoan(TicketRepository tickets, TicketTimeline timeline, LoanRepository loans,
      AssetRepository assets) {
    this.tickets = tickets;
    this.timeline = timeline;
    this.loans = loans;
    this.assets = assets;
  }

  public void prepared(String code, Map<String, Object> loan, List<String> chosen, String note) {
    tickets.updateDetails(code, loan, timeline.now());
    timeline.record(code, NoteKind.EQUIPOS_ALISTADOS, "Equipos alistados para el préstamo: "
        + String.join(", ", chosen) + "." + (note == null ? "" : " Observación: " + note), TicketState.EN_ATENCION);
  }

  /** @return the tags to hand over: reserved, not yet lent */
  public List<String> reserved(LoanTerms terms, List<String> added) {
    Loan loan = loans.find(terms.ticketCode()).orElseThrow();
    timeline.record(terms.ticketCode(), NoteKind.EQUIPOS_RESERVADOS, "Equipos reservados del "
        + terms.start().format(DAY) + " al " + terms.end().format(DAY) + ": " + String.join(", ", loan.heldTags())
        + (added.isEmpty() ? "." : " (nuevos: " + String.join(", ", added) + ")."));
    return loan.tags(LoanAssetState.RESERVADO);
  }

  /**
   * The reserved assets leave with {@code receivedBy}: they become lent, and the loan active.
   *
   * @return the tags handed over now
   */
  public List<String> delivered(String code, String receivedBy, String note) {
    Loan loan = loans.find(code).orElseThrow(() -> new IllegalStateException("El ticket " + code + " no tiene préstamo"));
    List<String> handed = loan.tags(LoanAssetState.RESERVADO);
    Instant now = timeline.now().toInstant();
    loans.changeAssets(loan.id(), handed, LoanAssetState.RESERVADO, LoanAssetState.PRESTADO);
    assets.changeState(handed, AssetState.PRESTADO, now);
    loans.handOver(loan.id(), receivedBy, timeline.currentUser(), now);
    timeline.record(code, NoteKind.PLACAS_REGISTRADAS, "Equipos entregados a " + receivedBy + ". Placa(s): "
        + String.join(", ", handed) + ". Devolución: " + loan.terms().end().format(DAY) + "."
        + (note == null ? "" : " Observación: " + note), TicketState.RESUELTO);
    return handed;
  }
}
