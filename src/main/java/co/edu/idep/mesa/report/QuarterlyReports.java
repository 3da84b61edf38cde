package co.edu.idep.mesa.report;

import co.edu.idep.mesa.engine.TrustedCalls;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Steps 15-16 of PRO-GT-12-10: generate the quarterly report of the incidents handled, and record
 * the Jefe OAP's decision on it. Only a member of {@code jefe-oap} decides — not an administrator,
 * whom Camunda's authorizations would otherwise let complete any task.
 */
@Service
public class QuarterlyReports {

  public static final String PROCESS_KEY = "informe-trimestral";
  public static final String REQUEST_MESSAGE = "informe-solicitado";

  private final ReportRepository reports;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final Clock clock;

  /** {@code clock} runs in the institute's zone (ClockConfiguration): quarters are Bogotá's. */
  public QuarterlyReports(ReportRepository reports, IdentityService identity, RuntimeService runtime,
      Clock clock) {
    this.reports = reports;
    this.identity = identity;
    this.runtime = runtime;
    this.clock = clock;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * A person asks for the report of a quarter that has ended (step 15 outside the quarterly
   * timer). Starts "informe-trimestral" as the caller, so Camunda's authorizations decide who may.
   *
   * @return the report's key, e.g. INF-2026-T3
   */
  public String request(Map<String, Object> input, String requestedBy) {
    ReportPeriod period = requestedPeriod(input);
    if (runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(period.key()).count() > 0) {
      throw new ReportInProgressException(period);
    }
    // The period was validated and the requester is the authenticated caller: the application's own call.
    TrustedCalls.run(() -> runtime.createMessageCorrelation(REQUEST_MESSAGE)
        .processInstanceBusinessKey(period.key())
        .setVariable(ReportVariables.YEAR.name(), (long) period.year())
        .setVariable(ReportVariables.QUARTER.name(), (long) period.quarter())
        .setVariable(ReportVariables.REQUESTED_BY.name(), requestedBy)
        .correlateStartMessage());
    return period.key();
  }

  /** The quarter a person asked for: it must exist and have ended. Spanish messages otherwise. */
  public ReportPeriod requestedPeriod(Map<String, Object> input) {
    LocalDate today = today();
    InputReader in = new InputReader(input);
    Long year = in.integer(ReportVariables.YEAR.name(), "Año", true, 2020, today.getYear());
    Long quarter = in.integer(ReportVariables.QUARTER.name(), "Trimestre", true, 1, 4);
    in.throwIfInvalid();
    ReportPeriod period = new ReportPeriod(year.intValue(), quarter.intValue());
    if (period.endDay().isAfter(today)) {
      throw new InvalidInputException(ReportVariables.QUARTER.name(),
          "El trimestre elegido aún no ha terminado: su informe se genera cuando termine.");
    }
    return period;
  }

  /**
   * Generates the report of {@code period} for a process instance. Idempotent: if this instance
   * already has a version waiting for the Jefe OAP (a retried job), that version is returned.
   */
  public QuarterlyReport generate(ReportPeriod period, String processInstanceId, String requestedBy,
      String correctionNote) {
    Optional<QuarterlyReport> pending = reports.pendingOf(processInstanceId);
    if (pending.isPresent()) return pending.get();
    ZoneId zone = clock.getZone();
    ReportFigures figures = reports.figures(period.start(zone), period.end(zone));
    long id = reports.insert(period, processInstanceId, figures, OffsetDateTime.now(clock),
        requestedBy == null ? TicketTimeline.SYSTEM_AUTHOR : requestedBy, correctionNote);
    return reports.findById(id).orElseThrow();
  }

  /** Refuses, in Spanish, anybody who is not the Jefe OAP. */
  public String requireHeadOfOffice() {
    Authentication caller = identity.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null || caller.getGroupIds() == null
        || !caller.getGroupIds().contains(Roles.HEAD_OF_OFFICE)) {
      throw new AuthorizationException(
          "Solo el Jefe de la Oficina Asesora de Planeación aprueba o devuelve el informe trimestral.");
    }
    return caller.getUserId();
  }

  /** Step 16: the Jefe OAP approves the pending version of this instance, or returns it. */
  public void decide(String processInstanceId, boolean approved, String observations) {
    String jefe = requireHeadOfOffice();
    QuarterlyReport pending = reports.pendingOf(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("no pending report for " + processInstanceId));
    reports.decide(pending.id(), approved ? ReportState.APROBADO : ReportState.DEVUELTO, jefe,
        OffsetDateTime.now(clock), observations);
  }

  public List<QuarterlyReport> all() {
    return reports.findAll();
  }

  public Optional<QuarterlyReport> find(long id) {
    return reports.findById(id);
  }
}
