package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Reserves the chosen assets for a ticket's loan, atomically, in the caller's transaction. The
 * loan's row and then the chosen assets' rows are locked (in tag order) before anything is checked,
 * so two reservations that want one asset run one after the other, also on two nodes sharing
 * PostgreSQL, and the second sees the first's rows. One loan per ticket (unique ticket code); run
 * again with the same choice, it changes nothing.
 */
@Service
public class LoanReservations {

  private final LoanRepository loans;
  private final AssetRepository assets;
  private final Clock clock;

  public LoanReservations(LoanRepository loans, AssetRepository assets, Clock clock) {
    this.loans = loans;
    this.assets = assets;
    this.clock = clock;
  }

  /**
   * Makes the loan hold {@code chosen}: reserves those it does not hold, lets go of reserved ones no
   * longer chosen. Assets already handed over stay on the loan until they come back.
   *
   * @return the tags newly reserved
   * @throws AssetUnavailableException when a chosen asset is unknown, of another kind, out of
   *                                    service, or held by another loan for those days
   */
  public List<String> reserve(LoanTerms terms, List<String> chosen) {
    Instant now = clock.instant();
    Long loanId = loans.lock(terms.ticketCode()).orElse(null);
    Loan loan = loanId == null ? null : loans.find(terms.ticketCode()).orElseThrow();
    List<String> held = loan == null ? List.of() : loan.heldTags();
    List<String> wanted = chosen.stream().filter(tag -> !held.contains(tag)).sorted().toList();
    List<String> dropped = new ArrayList<>(loan == null ? List.of() : loan.tags(LoanAssetState.RESERVADO));
    dropped.removeAll(chosen);
    // Everything the loan will hold is checked for the (maybe changed) dates; all of it locked first.
    List<String> kept = new ArrayList<>(held);
    kept.removeAll(dropped);
    List<String> checked = new ArrayList<>(kept);
    checked.addAll(wanted);

    Map<String, Asset> locked = assets.lockAll(checked).stream()
        .collect(Collectors.toMap(Asset::tag, Function.identity()));
    for (String tag : wanted) {
      Asset asset = locked.get(tag);
      if (asset == null) throw new AssetUnavailableException(tag, "La placa " + tag + " no está en el inventario.");
      if (asset.kind() != terms.kind()) {
        throw new AssetUnavailableException(tag, "La placa " + tag + " es un equipo de "
            + asset.kind().label().toLowerCase() + ", no de " + terms.kind().label().toLowerCase() + ".");
      }
      if (asset.state() == AssetState.EN_MANTENIMIENTO || asset.state() == AssetState.DADO_DE_BAJA) {
        throw new AssetUnavailableException(tag, "La placa " + tag + " no se puede prestar: está "
            + asset.state().label().toLowerCase() + ".");
      }
    }
    List<String> taken = loans.heldElsewhere(loanId == null ? -1 : loanId, checked, terms.start(), terms.end(),
        LocalDate.now(clock));
    if (!taken.isEmpty()) {
      String tag = taken.get(0);
      throw new AssetUnavailableException(tag, "La placa " + tag
          + " ya está reservada o prestada para esas fechas en otro préstamo. Elija otro equipo.");
    }
    // Nothing is written before every check passed: a refusal (a BPMN error, whose step commits) leaves no trace.
    if (loanId == null) {
      loanId = loans.insert(terms, now);
    } else {
      loans.updateTerms(loanId, terms, now);
    }
    loans.changeAssets(loanId, dropped, LoanAssetState.RESERVADO, LoanAssetState.LIBERADO);
    loans.reserve(loanId, wanted);
    return wanted;
  }
}
