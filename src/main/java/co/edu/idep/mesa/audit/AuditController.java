package co.edu.idep.mesa.audit;

import co.edu.idep.mesa.validation.InvalidInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for the head of the planning office (SecurityConfiguration restricts the path):
 * by ticket ({@code ?ticket=MDS-…}) or by period ({@code ?from=AAAA-MM-DD&to=AAAA-MM-DD}), as JSON
 * or, under {@code /api/audit/export}, as CSV.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

  /** A period may span at most a year: the quarterly report needs three months. */
  static final int MAX_DAYS = 366;

  private final AuditTrail trail;

  public AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping
  public List<AuditEntry> query(@RequestParam(required = false) String ticket,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    if (ticket != null && !ticket.isBlank()) return trail.forTicket(ticket.strip());
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (end.isBefore(start)) throw new InvalidInputException("to", "La fecha final no puede ser anterior a la inicial.");
    if (start.plusDays(MAX_DAYS).isBefore(end)) {
      throw new InvalidInputException("to", "Consulte periodos de máximo un año.");
    }
    return trail.forPeriod(start, end);
  }

  @GetMapping("/export")
  public ResponseEntity<String> export(@RequestParam(required = false) String ticket,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    List<AuditEntry> entries = query(ticket, from, to);
    StringWriter csv = new StringWriter();
    try (CSVPrinter printer = CSVFormat.DEFAULT.builder()
        .setHeader("fecha", "usuario", "accion", "ticket", "detalle", "origen").get().print(csv)) {
      for (AuditEntry e : entries) {
        printer.printRecord(e.timestamp(), cell(e.user()), cell(e.action()), cell(e.ticket()), cell(e.detail()), e.source());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String name = ticket != null && !ticket.isBlank() ? "auditoria-" + ticket.strip().replaceAll("[^A-Za-z0-9-]", "")
        : "auditoria-" + from + "-" + to;
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9-]", "") + ".csv\"")
        // A byte-order mark makes spreadsheet programs read the Spanish accents as UTF-8.
        .body("\uFEFF" + csv);
  }

  /** Text that a spreadsheet would run as a formula is written as plain text. */
  static String cell(String value) {
    if (value == null) return "";
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "Indique un ticket o un periodo (from y to, con formato AAAA-MM-DD).");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "La fecha «" + field + "» debe tener el formato AAAA-MM-DD.");
    }
  }
}
