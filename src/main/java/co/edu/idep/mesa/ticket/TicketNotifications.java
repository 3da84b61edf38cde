package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.notification.Notifications;
import co.edu.idep.mesa.notification.Audience;
import co.edu.idep.mesa.notification.Notifications.Addressed;
import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.field.Fields;
import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.servicelevel.ServiceLevelKind;
import co.edu.idep.mesa.servicelevel.ServiceLevelRepository;
import co.edu.idep.mesa.servicelevel.ServiceLevelTarget;
import co.edu.idep.mesa.servicelevel.ServiceLevelView;
import co.edu.idep.mesa.servicelevel.ServiceLevels;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The e-mails of "Mesa de Servicios" (issue 9, point 3), each one a listener named in the diagram:
 * {@code ${ticketNotifications.registered(execution)}}, {@code ${ticketNotifications.solutionReady(task)}}…
 *
 * <p>Every method reads the ticket code from the process and everything else from the ticket record
 * (requester, subject, topic, assigned group), and writes to the outbox, in the step's transaction,
 * which Spanish template of {@code templates/mail/} to send with which model, and to which users or
 * groups: one insert, no identity query and no rendering (the mail sender does both when it sends).
 * Each is idempotent: its idempotency key names the event (the ticket, the task, the recorded
 * warning…), so a listener run twice, or a retried step, sends one message. A person without an
 * e-mail address in the identity service gets a note in the ticket's timeline instead, written when
 * the sender finds him so ({@link NoAddressNotes}); the step goes on.
 */
@Component
public class TicketNotifications {

  private static final Logger log = LoggerFactory.getLogger(TicketNotifications.class);

  /** The user task the requester answers at (steps 12-13); the reminder links to it. */
  static final String VERIFY_SOLUTION_TASK = "Task_VerifySolution";

  // The kinds of message (OutgoingMail#kind), as /api/outbox and the timeline notes name them.
  static final String REGISTERED = "TICKET_REGISTRADO";
  static final String NEW_FOR_GROUP = "TICKET_NUEVO_GRUPO";
  static final String REASSIGNED = "TICKET_REASIGNADO";
  static final String SOLUTION_READY = "SOLUCION_LISTA";
  static final String REMINDER = "RECORDATORIO_VERIFICACION";
  static final String CLOSED = "TICKET_CERRADO";
  static final String CLOSED_WITHOUT_ANSWER = "TICKET_CERRADO_SIN_RESPUESTA";
  static final String ACCOUNT_REQUEST_RETURNED = "SOLICITUD_CUENTA_DEVUELTA";
  static final String ACCOUNT_READY = "CUENTA_LISTA";
  static final String SERVICE_LEVEL_WARNING = "NIVEL_SERVICIO_AVISO";
  static final String SERVICE_LEVEL_BREACH = "NIVEL_SERVICIO_INCUMPLIDO";

  private static final Locale SPANISH = SpanishDates.SPANISH;
  private static final DateTimeFormatter WHEN = SpanishDates.DATE_TIME;

  private final Notifications notifications;
  private final TicketRepository tickets;
  private final TicketTimeline timeline;
  private final ServiceLevels serviceLevels;
  private final ServiceLevelRepository serviceLevelRecords;

  public TicketNotifications(Notifications notifications, TicketRepository tickets, TicketTimeline timeline,
      ServiceLevels serviceLevels, ServiceLevelRepository serviceLevelRecords) {
    this.notifications = notifications;
    this.tickets = tickets;
    this.timeline = timeline;
    this.serviceLevels = serviceLevels;
    this.serviceLevelRecords = serviceLevelRecords;
  }

  // ------------------------------------------------------------------ the notifications

  /**
   * The ticket is registered and assigned (step 2): "Ticket registrado" to the requester, and "Nuevo
   * ticket para su grupo" to the members of the group the decision table assigned. Needs the
   * assignment recorded (after {@code assignTicketDelegate}); without it, only the requester is told.
   */
  public void registered(DelegateExecution execution) {
    Ticket ticket = ticket(TicketVariables.ticketCode(execution));
    List<Addressed> messages = new ArrayList<>();
    messages.add(new Addressed(new Notice(REGISTERED, "ticket-registrado:" + ticket.code(), ticket.code(),
        "ticket-registrado", model(ticket)), Audience.ofUsers(List.of(ticket.requester()))));
    if (ticket.assignedGroup() == null) {
      log.warn("Ticket {} has no assigned group yet: its group was not told of it (the listener must follow the assignment)",
          ticket.code());
    } else {
      messages.add(new Addressed(new Notice(NEW_FOR_GROUP, "ticket-nuevo-grupo:" + ticket.code() + ":"
          + ticket.assignedGroup(), ticket.code(), "ticket-nuevo-grupo", model(ticket)),
          Audience.ofGroups(List.of(ticket.assignedGroup()))));
    }
    // Both in one round trip: this runs in every registration (docs/benchmarks.md).
    notifications.all(messages);
  }

  /** The topic was changed at "Verificar el tema" and the ticket reassigned (step 3): the new group is told. */
  public void reassigned(DelegateExecution execution) {
    Ticket ticket = ticket(TicketVariables.ticketCode(execution));
    if (ticket.assignedGroup() == null) {
      log.warn("Ticket {} has no assigned group: nobody was told of its reassignment", ticket.code());
      return;
    }
    Map<String, Object> model = model(ticket);
    String previous = TicketVariables.PREVIOUS_TOPIC.get(execution);
    model.put("previousTopic", Topic.fromCode(previous).map(Topic::label).orElse(null));
    notifications.toGroups(new Notice(REASSIGNED,
        "ticket-reasignado:" + ticket.code() + ":" + ticket.topic().name() + ":" + ticket.assignedGroup(), ticket.code(),
        "ticket-reasignado", model), List.of(ticket.assignedGroup()));
  }

  /**
   * A solution waits for the requester's verification (step 12): he is told, with the link to his
   * task. A task listener on "create" of {@code Task_VerifySolution}: one message per task, so each
   * round of the verification has its own.
   */
  public void solutionReady(DelegateTask task) {
    Ticket ticket = ticket(TicketVariables.ticketCode(task));
    Map<String, Object> model = model(ticket);
    model.put("taskId", task.getId());
    toRequester(ticket, SOLUTION_READY, "solucion-lista", task.getId(), model);
  }

  /**
   * The requester has not answered the verification for the configured working days: he is reminded,
   * with the link to the open verification task. One reminder per task; none if no verification task
   * is open any more.
   */
  public void verificationReminder(DelegateExecution execution) {
    Ticket ticket = ticket(TicketVariables.ticketCode(execution));
    Optional<Task> open = openVerificationTask(execution);
    if (open.isEmpty()) {
      log.info("Ticket {} waits for no verification: no reminder sent", ticket.code());
      return;
    }
    Map<String, Object> model = model(ticket);
    model.put("taskId", open.get().getId());
    toRequester(ticket, REMINDER, "recordatorio-verificacion", open.get().getId(), model);
  }



  /**
   * The technician returned the account request (step 4): the requester is told why, with the link to
   * his correction task. A task listener on "create" of that task: one message per return.
   */
  public void accountRequestReturned(DelegateTask task) {
    Ticket ticket = ticket(TicketVariables.ticketCode(task));
    Map<String, Object> model = model(ticket);
    model.put("taskId", task.getId());
    model.put("reason", task.getVariable(Fields.ACCOUNT_RETURN_REASON.key()));
    toRequester(ticket, ACCOUNT_REQUEST_RETURNED, "solicitud-cuenta-devuelta", task.getId(), model);
  }

  /**
   * The credentials were handed over (step 10): the requester is told that the account is ready, its
   * user name and accesses; never the password, which was handed over in person (PO-GT-12-01).
   */
  public void accountReady(DelegateTask task) {
    Ticket ticket = ticket(TicketVariables.ticketCode(task));
    Map<String, Object> model = model(ticket);
    Map<String, Object> details = ticket.details();
    model.put("loginName", details.get(Fields.ACCOUNT_USERNAME.key()));
    model.put("mailbox", details.get(Fields.INSTITUTIONAL_EMAIL.key()));
    Object accesses = details.get(Fields.ACCESSES_CREATED.key());
    model.put("accesses", accesses instanceof List<?> list
        ? list.stream().map(code -> Fields.ACCESSES.optionLabel(String.valueOf(code))).toList() : List.of());
    toRequester(ticket, ACCOUNT_READY, "cuenta-lista", task.getId(), model);
  }

  /** The ticket was closed after the requester's satisfied answer (step 14): he is told. */
  public void closed(DelegateExecution execution) {
    Ticket ticket = ticket(TicketVariables.ticketCode(execution));
    Map<String, Object> model = model(ticket);
    model.put("score", ticket.satisfactionScore());
    // One closing message per ticket, whichever way it closed.
    toRequester(ticket, CLOSED, "ticket-cerrado", ticket.code(), model);
  }

  /**
   * The requester did not answer the verification in the configured working days: the ticket closed
   * as «Cerrado sin respuesta del solicitante», and he is told.
   */
  public void closedWithoutAnswer(DelegateExecution execution) {
    Ticket ticket = ticket(TicketVariables.ticketCode(execution));
    notifications.toUsers(new Notice(CLOSED_WITHOUT_ANSWER, "ticket-cerrado:" + ticket.code(), ticket.code(),
        "ticket-cerrado-sin-respuesta", model(ticket)), List.of(ticket.requester()));
  }

  /**
   * {@value ServiceLevels#WARNING_PERCENT} % of a target has passed: the assigned group is warned.
   * Sends only once the warning is recorded ({@link ServiceLevels#recordWarning}, which must run
   * before, e.g. an earlier listener of the same event), once per recorded warning.
   *
   * @param kind {@code FIRST_ATTENTION} or {@code RESOLUTION}
   */
  public void serviceLevelWarning(DelegateExecution execution, String kind) {
    serviceLevelWarning(TicketVariables.ticketCode(execution), ServiceLevelKind.valueOf(kind));
  }

  /** As {@link #serviceLevelWarning(DelegateExecution, String)}, for Java callers. */
  public void serviceLevelWarning(String code, ServiceLevelKind kind) {
    Ticket ticket = ticket(code);
    Optional<ServiceLevelTarget> target = serviceLevelRecords.find(code, kind);
    if (target.isEmpty() || target.get().warnedAt() == null) {
      log.info("Ticket {}: no {} warning recorded, nobody warned", code, kind);
      return;
    }
    if (ticket.assignedGroup() == null) {
      log.warn("Ticket {} has no assigned group: nobody warned of its {} target", code, kind);
      return;
    }
    Map<String, Object> model = serviceLevelModel(ticket, target.get());
    notifications.toGroups(new Notice(SERVICE_LEVEL_WARNING,
        "nivel-servicio-aviso:" + code + ":" + kind.name() + ":" + target.get().warnedAt().toEpochMilli(), code,
        "nivel-servicio-aviso", model), List.of(ticket.assignedGroup()));
  }

  /**
   * A target was missed: the assigned group and the Jefe OAP are told. Sends only once the breach is
   * recorded ({@link ServiceLevels#recordBreach}, which must run before), once per target.
   *
   * @param kind {@code FIRST_ATTENTION} or {@code RESOLUTION}
   */
  public void serviceLevelBreach(DelegateExecution execution, String kind) {
    serviceLevelBreach(TicketVariables.ticketCode(execution), ServiceLevelKind.valueOf(kind));
  }

  /** As {@link #serviceLevelBreach(DelegateExecution, String)}, for Java callers. */
  public void serviceLevelBreach(String code, ServiceLevelKind kind) {
    Ticket ticket = ticket(code);
    Optional<ServiceLevelTarget> target = serviceLevelRecords.find(code, kind);
    if (target.isEmpty() || target.get().breachedAt() == null) {
      log.info("Ticket {}: no {} breach recorded, nobody told", code, kind);
      return;
    }
    List<String> groups = new ArrayList<>();
    if (ticket.assignedGroup() != null) groups.add(ticket.assignedGroup());
    if (!groups.contains(Roles.HEAD_OF_OFFICE)) groups.add(Roles.HEAD_OF_OFFICE);
    Map<String, Object> model = serviceLevelModel(ticket, target.get());
    model.put("breachedAt", when(target.get().breachedAt()));
    notifications.toGroups(new Notice(SERVICE_LEVEL_BREACH,
        "nivel-servicio-incumplido:" + code + ":" + kind.name() + ":" + target.get().breachedAt().toEpochMilli(), code,
        "nivel-servicio-incumplido", model), groups);
  }

  /**
   * What a notice told, in the words of the timeline note about a person it could not reach
   * («Ticket registrado», «Aviso de nivel de servicio (primera atención)»…); the kind itself for
   * one this class does not send.
   */
  static String label(String kind, Map<String, ?> model) {
    Object kindLabel = model == null ? null : model.get("kindLabel");
    String target = kindLabel == null ? "" : " (" + kindLabel + ")";
    return switch (kind) {
      case REGISTERED -> "Ticket registrado";
      case NEW_FOR_GROUP -> "Nuevo ticket para su grupo";
      case REASSIGNED -> "Ticket reasignado a su grupo";
      case SOLUTION_READY -> "Solución lista para verificar";
      case REMINDER -> "Recordatorio de verificación";
      case CLOSED -> "Ticket cerrado";
      case CLOSED_WITHOUT_ANSWER -> "Ticket cerrado sin respuesta";
      case SERVICE_LEVEL_WARNING -> "Aviso de nivel de servicio" + target;
      case SERVICE_LEVEL_BREACH -> "Nivel de servicio incumplido" + target;
      default -> kind;
    };
  }

  // ------------------------------------------------------------------ the parts

  private Ticket ticket(String code) {
    if (code == null) throw new IllegalStateException("The process has no ticket code: nothing to notify");
    return tickets.findByCode(code).orElseThrow(() -> new IllegalStateException("Ticket " + code + " is not in the record"));
  }

  /**
   * One message to the ticket's requester with {@code template}; {@code event} (a task, the ticket)
   * completes its idempotency key, so the same event sends it once.
   */
  private void toRequester(Ticket ticket, String kind, String template, String event, Map<String, Object> model) {
    notifications.toUsers(new Notice(kind, template + ":" + event, ticket.code(), template, model),
        List.of(ticket.requester()));
  }

  /** What every ticket template may show. */
  private static Map<String, Object> model(Ticket ticket) {
    Map<String, Object> model = new HashMap<>();
    model.put("code", ticket.code());
    model.put("subject", ticket.subject());
    model.put("topic", ticket.topic().label());
    model.put("priority", priorityLabel(ticket.priority()));
    model.put("group", ticket.assignedGroup() == null ? null : Roles.NAMES.getOrDefault(ticket.assignedGroup(), ticket.assignedGroup()));
    return model;
  }

  private Map<String, Object> serviceLevelModel(Ticket ticket, ServiceLevelTarget target) {
    Map<String, Object> model = model(ticket);
    model.put("kind", target.kind().name());
    model.put("kindLabel", kindLabel(target.kind()));
    model.put("percent", ServiceLevels.WARNING_PERCENT);
    model.put("priority", priorityLabel(target.priority()));
    model.put("targetHours", hours(target.targetMinutes()));
    Optional<ServiceLevelView> view = serviceLevels.status(ticket.code(), target.kind());
    model.put("dueAt", view.map(ServiceLevelView::dueAt).map(WHEN::format).orElseGet(() -> when(target.dueAt())));
    model.put("usedHours", view.map(v -> hours((int) v.usedMinutes())).orElse(null));
    return model;
  }

  /** «primera atención», «solución». */
  static String kindLabel(ServiceLevelKind kind) {
    return kind.label().toLowerCase(SPANISH);
  }

  private static String hours(int minutes) {
    return minutes % 60 == 0 ? String.valueOf(minutes / 60)
        : String.format(SPANISH, "%.1f", minutes / 60.0);
  }

  private String when(Instant instant) {
    return WHEN.format(OffsetDateTime.ofInstant(instant, timeline.now().getOffset()));
  }

  private static String priorityLabel(String priority) {
    if (priority == null || priority.isEmpty()) return null;
    return priority.charAt(0) + priority.substring(1).toLowerCase(SPANISH);
  }

  private static Optional<Task> openVerificationTask(DelegateExecution execution) {
    List<Task> open = execution.getProcessEngineServices().getTaskService().createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(VERIFY_SOLUTION_TASK).active()
        .orderByTaskCreateTime().desc().list();
    return open.stream().findFirst();
  }
}
