package co.edu.idep.mesa.audit;

import co.edu.idep.mesa.report.QuarterlyReport;
import co.edu.idep.mesa.report.ReportRepository;
import co.edu.idep.mesa.report.ReportState;
import co.edu.idep.mesa.security.LoginFailureLog;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketNote;
import co.edu.idep.mesa.ticket.TicketRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.UserOperationLogQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The audit trail (NTC-ISO/IEC 27001: who did what and when): Camunda's user operation log —
 * claims, completions, reassignments, deletions made in Tasklist, Cockpit or the REST API — merged
 * with the ticket timeline — registration, escalations naming the provider, the requester's answer,
 * closure — and, by period, repeated failed logins. Queries run as the caller, so Camunda's
 * authorizations decide what is visible.
 */
@Service
public class AuditTrail {

  /** The source of the login failures, beside AuditEntry's. */
  static final String LOGIN_SOURCE = "acceso";

  /** A period query returns at most this many engine operations. */
  static final int MAX_OPERATIONS = 10_000;

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "Reclamó la tarea"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "Completó la tarea"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "Asignó la tarea"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_OWNER, "Cambió el propietario de la tarea"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "Delegó la tarea"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_RESOLVE, "Resolvió la tarea delegada"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK, "Agregó un grupo candidato"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK, "Quitó un grupo candidato"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ADD_USER_LINK, "Agregó un usuario candidato"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE_USER_LINK, "Quitó un usuario candidato"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_PRIORITY, "Cambió la prioridad"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE, "Eliminó"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "Suspendió"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "Reactivó"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "Modificó la instancia del proceso"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, "Modificó una variable"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CREATE, "Creó"));

  private static final Map<NoteKind, String> NOTES = Map.ofEntries(
      Map.entry(NoteKind.REGISTRO, "Abrió el ticket"),
      Map.entry(NoteKind.ASIGNACION, "Asignación automática"),
      Map.entry(NoteKind.TEMA_CONFIRMADO, "Confirmó el tema"),
      Map.entry(NoteKind.TEMA_CAMBIADO, "Cambió el tema"),
      Map.entry(NoteKind.PRIORIDAD_CAMBIADA, "Cambió la prioridad"),
      Map.entry(NoteKind.EVALUACION, "Evaluó el incidente"),
      Map.entry(NoteKind.CUENTA_CREADA, "Creó la cuenta"),
      Map.entry(NoteKind.EQUIPOS_ALISTADOS, "Alistó los equipos"),
      Map.entry(NoteKind.EQUIPOS_RESERVADOS, "Reservó los equipos"),
      Map.entry(NoteKind.FORMATO_SALIDA_GENERADO, "Generó el formato de salida de equipos"),
      Map.entry(NoteKind.PLACAS_REGISTRADAS, "Entregó los equipos"),
      Map.entry(NoteKind.DEVOLUCION_REGISTRADA, "Registró la devolución de equipos"),
      Map.entry(NoteKind.RECORDATORIO_DEVOLUCION, "Recordó la devolución al solicitante"),
      Map.entry(NoteKind.PRESTAMO_VENCIDO, "Avisó del préstamo vencido"),
      Map.entry(NoteKind.PRESTAMO_CERRADO, "Cerró el préstamo"),
      Map.entry(NoteKind.ESCALAMIENTO, "Escaló el ticket"),
      Map.entry(NoteKind.SOLUCION, "Registró la solución"),
      Map.entry(NoteKind.RESPUESTA_SOLICITANTE, "Respondió la verificación"),
      Map.entry(NoteKind.CIERRE, "Cerró el ticket"),
      Map.entry(NoteKind.DATOS_ENMASCARADOS, "Enmascaró los datos personales"),
      Map.entry(NoteKind.AVISO_NO_ENVIADO, "Aviso por correo no enviado"));

  private final HistoryService history;
  private final TicketRepository tickets;
  private final ReportRepository reports;
  private final LoginFailureLog loginFailures;
  private final ZoneId zone;

  public AuditTrail(HistoryService history, TicketRepository tickets, ReportRepository reports,
      LoginFailureLog loginFailures, @Value("${mesa.zone-id}") String zone) {
    this.history = history;
    this.tickets = tickets;
    this.reports = reports;
    this.loginFailures = loginFailures;
    this.zone = ZoneId.of(zone);
  }

  /**
   * Everything that happened to one ticket (MDS-…) or one quarterly report (INF-…); empty if the
   * caller may not see its process.
   */
  public List<AuditEntry> forTicket(String code) {
    List<HistoricProcessInstance> instances =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(code).list();
    List<AuditEntry> entries = new ArrayList<>();
    if (instances.isEmpty()) return entries;
    for (HistoricProcessInstance instance : instances) {
      UserOperationLogQuery operations = history.createUserOperationLogQuery().processInstanceId(instance.getId());
      entries.addAll(operations(operations.orderByTimestamp().asc().list()));
    }
    tickets.notes(code).forEach(note -> entries.add(fromNote(code, note)));
    reports.findByKey(code).forEach(report -> entries.addAll(fromReport(report, null, null)));
    entries.sort(Comparator.comparing(AuditEntry::timestamp));
    return entries;
  }

  /** Everything that happened between two dates, both included (Bogotá time). */
  public List<AuditEntry> forPeriod(LocalDate from, LocalDate to) {
    OffsetDateTime start = from.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    List<AuditEntry> entries = new ArrayList<>(operations(history.createUserOperationLogQuery()
        .afterTimestamp(Date.from(start.toInstant().minusMillis(1))).beforeTimestamp(Date.from(end.toInstant()))
        .orderByTimestamp().asc().listPage(0, MAX_OPERATIONS)));
    tickets.notesBetween(start, end).forEach(n -> entries.add(fromNote(n.ticketCode(), n.note())));
    reports.generatedOrDecidedBetween(start, end).forEach(r -> entries.addAll(fromReport(r, start, end)));
    loginFailures.between(start, end).forEach(f -> entries.add(fromLoginFailures(f)));
    entries.sort(Comparator.comparing(AuditEntry::timestamp));
    return entries;
  }

  /** Repeated wrong passwords for one account (security/LoginThrottle), with the addresses they came from. */
  private AuditEntry fromLoginFailures(LoginFailureLog.Entry f) {
    return new AuditEntry(f.recordedAt().atZoneSameInstant(zone).toOffsetDateTime(), f.account(),
        "Inicios de sesión fallidos", null,
        f.failures() + " contraseñas incorrectas para la cuenta, desde " + f.addresses(), LOGIN_SOURCE);
  }

  private List<AuditEntry> operations(List<UserOperationLogEntry> log) {
    // One user action writes one log row per changed property; they share an operation id.
    Map<String, UserOperationLogEntry> byOperation = new LinkedHashMap<>();
    log.forEach(e -> byOperation.putIfAbsent(e.getOperationId(), e));
    Set<String> instanceIds = byOperation.values().stream().map(UserOperationLogEntry::getProcessInstanceId)
        .filter(id -> id != null).collect(Collectors.toSet());
    Map<String, String> codes = instanceIds.isEmpty() ? Map.of()
        : history.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
            .filter(p -> p.getBusinessKey() != null)
            .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey));
    Map<String, String> taskNames = codes.isEmpty() ? Map.of()
        : history.createHistoricTaskInstanceQuery().processInstanceBusinessKeyIn(codes.values().toArray(String[]::new))
            .list().stream()
            .collect(Collectors.toMap(HistoricTaskInstance::getId, t -> String.valueOf(t.getName()), (a, b) -> a));
    return byOperation.values().stream().map(e -> new AuditEntry(
        e.getTimestamp().toInstant().atZone(zone).toOffsetDateTime(),
        e.getUserId(),
        OPERATIONS.getOrDefault(e.getOperationType(), e.getOperationType()),
        codes.get(e.getProcessInstanceId()),
        describe(e, taskNames),
        AuditEntry.ENGINE)).toList();
  }

  private static String describe(UserOperationLogEntry e, Map<String, String> taskNames) {
    String subject = e.getTaskId() != null ? "Tarea «" + taskNames.getOrDefault(e.getTaskId(), e.getTaskId()) + "»"
        : e.getEntityType();
    if (UserOperationLogEntry.OPERATION_TYPE_ASSIGN.equals(e.getOperationType())
        || UserOperationLogEntry.OPERATION_TYPE_CLAIM.equals(e.getOperationType())) {
      return subject + (e.getNewValue() == null ? "" : " → " + e.getNewValue());
    }
    return subject;
  }

  /** Steps 15-16: a report version's generation and the Jefe OAP's decision, within [from, to). */
  private List<AuditEntry> fromReport(QuarterlyReport r, OffsetDateTime from, OffsetDateTime to) {
    List<AuditEntry> entries = new ArrayList<>();
    String version = "Versión " + r.version() + " del informe del " + r.period().label();
    if (within(r.generatedAt(), from, to)) {
      entries.add(new AuditEntry(r.generatedAt().atZoneSameInstant(zone).toOffsetDateTime(), r.requestedBy(),
          "Generó el informe trimestral", r.key(),
          version + (r.correctionNote() == null ? "" : ". Correcciones: " + r.correctionNote()), AuditEntry.REPORT));
    }
    if (r.decidedAt() != null && within(r.decidedAt(), from, to)) {
      boolean approved = r.state() == ReportState.APROBADO;
      entries.add(new AuditEntry(r.decidedAt().atZoneSameInstant(zone).toOffsetDateTime(), r.decidedBy(),
          approved ? "Aprobó el informe trimestral" : "Devolvió el informe trimestral", r.key(),
          version + (r.observations() == null ? "" : ". Observaciones: " + r.observations()), AuditEntry.REPORT));
    }
    return entries;
  }

  private static boolean within(OffsetDateTime t, OffsetDateTime from, OffsetDateTime to) {
    return from == null || (!t.isBefore(from) && t.isBefore(to));
  }

  private AuditEntry fromNote(String code, TicketNote note) {
    return new AuditEntry(note.createdAt().atZoneSameInstant(zone).toOffsetDateTime(), note.author(),
        NOTES.getOrDefault(note.kind(), note.kind().name()), code, note.body(), AuditEntry.TIMELINE);
  }
}
