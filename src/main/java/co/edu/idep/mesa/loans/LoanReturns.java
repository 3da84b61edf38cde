package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * "Registrar la devolución": each asset back is recorded with its condition; good ones are free
 * again, the others go to maintenance. The loan closes when nothing is out any more.
 */
@Service
public class LoanReturns {

  private final LoanRepository loans;
  private final AssetRepository assets;
  private final TicketTimeline timeline;

  public LoanReturns(LoanRepository loans, AssetRepository assets, TicketTimeline timeline) {
    this.loans = loans;
    this.assets = assets;
    this.timeline = timeline;
  }

  /**
   * @param loan     as the caller read it
   * @param returned tag → condition, only assets the loan has out (checked by the caller)
   * @return the loan as it is now: {@link LoanState#DEVUELTO} when nothing of it is out any more
   */
  public Loan record(Loan loan, Map<String, ReturnCondition> returned, String note) {
    String code = loan.ticketCode();
    Instant now = timeline.now().toInstant();
    List<String> lines = new ArrayList<>();
    for (ReturnCondition condition : ReturnCondition.values()) {
      List<String> tags = returned.entrySet().stream().filter(e -> e.getValue() == condition)
          .map(Map.Entry::getKey).sorted().toList();
      if (tags.isEmpty()) continue;
      tags.forEach(tag -> loans.returned(loan.id(), tag, condition, condition == ReturnCondition.BUENO ? null : note, now));
      assets.changeState(tags, condition.assetState(), now);
      lines.add(String.join(", ", tags) + " " + condition.label()
          + (condition == ReturnCondition.BUENO ? "" : " (pasa a mantenimiento)"));
    }
    Loan after = loans.find(code).orElseThrow();
    List<String> stillOut = after.tags(LoanAssetState.PRESTADO);
    timeline.record(code, NoteKind.DEVOLUCION_REGISTRADA, "Devolución registrada: " + String.join("; ", lines) + "."
        + (note == null ? "" : " Observación: " + note)
        + (stillOut.isEmpty() ? "" : " Siguen prestados: " + String.join(", ", stillOut) + "."));
    if (!stillOut.isEmpty()) return after;
    loans.close(loan.id(), now);
    timeline.record(code, NoteKind.PRESTAMO_CERRADO, "Préstamo cerrado: todos los equipos fueron devueltos.");
    return after.returned(now);
  }
}
