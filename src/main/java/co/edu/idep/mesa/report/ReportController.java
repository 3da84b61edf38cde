package co.edu.idep.mesa.report;

import co.edu.idep.mesa.web.ApiError;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quarterly reports for the help-desk staff and the Jefe OAP (SecurityConfiguration restricts
 * the path): every version with its state, one version with its figures, and the request for the
 * report of a quarter that has ended ({@code {"year": 2026, "quarter": 3}}).
 */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  private final QuarterlyReports reports;

  public ReportController(QuarterlyReports reports) {
    this.reports = reports;
  }

  record Summary(long id, String key, String period, int version, String state,
      OffsetDateTime generatedAt, String decidedBy, OffsetDateTime decidedAt) {
    static Summary of(QuarterlyReport r) {
      return new Summary(r.id(), r.key(), r.period().label(), r.version(), r.state().name(),
          r.generatedAt(), r.decidedBy(), r.decidedAt());
    }
  }

  record Requested(String key, String message) {}

  @PostMapping
  public ResponseEntity<Requested> request(@RequestBody Map<String, Object> body, Authentication user) {
    Map<String, Object> input = new HashMap<>();
    input.put(ReportVariables.YEAR.name(), body.get("year"));
    input.put(ReportVariables.QUARTER.name(), body.get("quarter"));
    String key = reports.request(input, user.getName());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Requested(key,
        "El informe se está generando; el Jefe de la Oficina Asesora de Planeación lo recibirá para validarlo."));
  }

  @ExceptionHandler(ReportInProgressException.class)
  ResponseEntity<ApiError> inProgress(ReportInProgressException e) {
    return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(e.getMessage()));
  }

  @GetMapping
  public List<Summary> all() {
    return reports.all().stream().map(Summary::of).toList();
  }

  @GetMapping("/{id}")
  public ResponseEntity<?> one(@PathVariable String id) {
    return (id.matches("\\d{1,18}") ? reports.find(Long.parseLong(id)) : java.util.Optional.<QuarterlyReport>empty())
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ApiError.of("No existe un informe con el número indicado.")));
  }
}
