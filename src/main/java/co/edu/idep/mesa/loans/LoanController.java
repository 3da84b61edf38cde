package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.web.ApiError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/loans?state=active|overdue|returned}: who has what, since when, due when. The
 * technicians who lend, the Jefe and administrators see every loan; anyone else his own.
 */
@RestController
@RequestMapping("/api/loans")
public class LoanController {

  static final Set<String> SEE_ALL = Set.of(Roles.TECHNICIAN, Roles.HEAD_OF_OFFICE, Roles.ADMIN);
  static final int MAX_LIMIT = 500;

  record AssetView(String tag, String description, String serialNumber, String state, String condition,
      String returnNote, Instant returnedAt) {}

  record LoanView(String ticketCode, String requester, String kind, String kindLabel, String state, String stateLabel,
      boolean overdue, LocalDate start, LocalDate due, String usePlace, boolean leavesInstitute, String receivedBy,
      String handedOverBy, Instant handedOverAt, Instant returnedAt, List<AssetView> assets) {

    static LoanView of(Loan loan, LocalDate today) {
      LoanTerms t = loan.terms();
      return new LoanView(t.ticketCode(), t.requester(), t.kind().name(), t.kind().label(), loan.state().name(),
          loan.state().label(), loan.state() == LoanState.ACTIVO && t.end().isBefore(today), t.start(), t.end(),
          t.usePlace(), t.leavesInstitute(), loan.receivedBy(), loan.handedOverBy(), loan.handedOverAt(),
          loan.returnedAt(), loan.assets().stream().filter(a -> a.state() != LoanAssetState.LIBERADO)
              .map(a -> new AssetView(a.tag(), a.description(), a.serialNumber(), a.state().name(),
                  a.condition() == null ? null : a.condition().name(), a.returnNote(), a.returnedAt()))
              .toList());
    }
  }

  private final LoanRepository loans;
  private final Clock clock;

  public LoanController(LoanRepository loans, Clock clock) {
    this.loans = loans;
    this.clock = clock;
  }

  @GetMapping
  public List<LoanView> list(@RequestParam(defaultValue = "active") String state,
      @RequestParam(defaultValue = "100") int limit, Authentication user) {
    LocalDate today = LocalDate.now(clock);
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit", "El límite debe estar entre 1 y " + MAX_LIMIT + ".");
    }
    String requester = seesAll(user) ? null : user.getName();
    List<Loan> found = switch (state) {
      case "active" -> loans.list(LoanState.ACTIVO, null, requester, limit);
      case "overdue" -> loans.list(LoanState.ACTIVO, today, requester, limit);
      case "returned" -> loans.list(LoanState.DEVUELTO, null, requester, limit);
      default -> throw new InvalidInputException("state",
          "El estado del préstamo debe ser active (activos), overdue (vencidos) o returned (devueltos).");
    };
    return found.stream().map(loan -> LoanView.of(loan, today)).toList();
  }

  @GetMapping("/{ticketCode}")
  public ResponseEntity<?> one(@PathVariable String ticketCode, Authentication user) {
    return loans.find(ticketCode).filter(loan -> seesAll(user) || loan.terms().requester().equals(user.getName()))
        .<ResponseEntity<?>>map(loan -> ResponseEntity.ok(LoanView.of(loan, LocalDate.now(clock))))
        // Another person's loan is answered like a missing one.
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ApiError.of("No existe un préstamo de ese ticket entre los que usted puede consultar.")));
  }

  private static boolean seesAll(Authentication user) {
    Set<String> groups = Roles.of(user);
    return groups.stream().anyMatch(SEE_ALL::contains);
  }
}
