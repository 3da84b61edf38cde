package co.edu.idep.mesa.portal;

import co.edu.idep.mesa.ticket.SpanishDates;
import co.edu.idep.mesa.document.DocumentInfo;
import co.edu.idep.mesa.document.TicketDocument;
import co.edu.idep.mesa.document.TicketDocuments;
import co.edu.idep.mesa.loans.GenerateExitFormDelegate;
import co.edu.idep.mesa.portal.Views.Document;
import co.edu.idep.mesa.portal.Views.Due;
import co.edu.idep.mesa.portal.Views.Entry;
import co.edu.idep.mesa.portal.Views.Page;
import co.edu.idep.mesa.portal.Views.Row;
import co.edu.idep.mesa.portal.Views.Shown;
import co.edu.idep.mesa.portal.Views.Waiting;
import co.edu.idep.mesa.portal.Views.When;
import co.edu.idep.mesa.security.PersonNames;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.security.TasklistAddress;
import co.edu.idep.mesa.servicelevel.ServiceLevelState;
import co.edu.idep.mesa.servicelevel.ServiceLevelView;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketNote;
import co.edu.idep.mesa.ticket.TicketService;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.field.Field;
import co.edu.idep.mesa.ticket.field.FieldCatalogue;
import co.edu.idep.mesa.ticket.field.FieldType;
import co.edu.idep.mesa.ticket.field.Priority;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * What the pages «Mis tickets» read: one's own tickets, and a ticket one may read by
 * {@link TicketService#find} (its requester, the agents of its topic, the supervisors), with its
 * timeline, service levels, documents and the tasks that wait on the reader. Anyone else's ticket
 * is not there, exactly as a ticket that does not exist.
 */
@Service
public class MisTickets {

  private static final Logger LOG = LoggerFactory.getLogger(MisTickets.class);
  private static final DateTimeFormatter DAY = SpanishDates.SHORT_DATE;
  /** The fields every ticket has, shown on their own; the request's others follow them. */
  private static final Set<String> OWN_PLACE = Set.of("topic", "subject", "description");

  /** Documents people know by name. */
  private static final Map<String, String> DOCUMENT_LABELS =
      Map.of(GenerateExitFormDelegate.DOCUMENT, "Formato para salida de equipos");

  private final TicketService tickets;
  private final TicketDocuments documents;
  private final TaskService tasks;
  private final PersonNames people;
  private final ZoneId zone;
  private final TasklistAddress tasklist;

  public MisTickets(TicketService tickets, TicketDocuments documents, TaskService tasks, PersonNames people,
      TasklistAddress tasklist, @Value("${mesa.zone-id}") ZoneId zone) {
    this.tickets = tickets;
    this.documents = documents;
    this.tasks = tasks;
    this.people = people;
    this.zone = zone;
    this.tasklist = tasklist;
  }

  /** Tasklist's address from the application's root. */
  public String tasklist() {
    return tasklist.path();
  }

  /** The user's own tickets, newest first. */
  public List<Row> list(String user) {
    List<Ticket> mine = tickets.mine(user);
    Map<String, List<ServiceLevelView>> levels = tickets.serviceLevels(mine.stream().map(Ticket::code).toList());
    return mine.stream().map(t -> new Row(t.code(), t.topic().label(), t.subject(), t.state().label(),
        t.state().isClosed(), When.of(t.createdAt(), zone), When.of(t.updatedAt(), zone),
        dueTimes(levels.getOrDefault(t.code(), List.of())))).toList();
  }

  /** The ticket's page, if {@code user} may read it. */
  public Optional<Page> page(String code, String user, Set<String> groups) {
    return tickets.find(code, user, groups).map(t -> {
      List<TicketNote> notes = tickets.timeline(t.code());
      Set<String> people = new LinkedHashSet<>();
      people.add(t.requester());
      notes.forEach(n -> people.add(n.author()));
      Map<String, String> names = names(people);
      List<Entry> timeline = notes.stream().map(n -> new Entry(When.of(n.createdAt(), zone), who(n.author(), names),
          n.kind().label(), n.body())).toList();
      return new Page(t.code(), t.subject(), t.topic().label(), t.state().label(), t.state().isClosed(),
          fields(t, names), t.description(), dueTimes(tickets.serviceLevels(t.code())), waiting(t.code(), user, groups),
          documents(t.code()), timeline, t.requester().equals(user));
    });
  }

  /** The ticket {@code code}, if {@code user} may read it (and so learn that it exists). */
  public Optional<Ticket> readable(String code, String user, Set<String> groups) {
    return tickets.find(code, user, groups);
  }

  /** The document of a ticket one may read ({@link #readable}), if it has it. */
  public Optional<TicketDocument> document(Ticket readable, String name) {
    return documents.find(readable.code(), name);
  }

  private List<Due> dueTimes(List<ServiceLevelView> levels) {
    return levels.stream().map(this::due).toList();
  }

  private Due due(ServiceLevelView level) {
    return new Due(level.label(), When.of(level.dueAt(), zone), level.stateLabel(),
        ServiceLevelState.INCUMPLIDO.name().equals(level.state()));
  }

  private List<Shown> fields(Ticket t, Map<String, String> names) {
    List<Shown> shown = new ArrayList<>();
    shown.add(new Shown("Código", t.code()));
    shown.add(new Shown("Tema", t.topic().label()));
    shown.add(new Shown("Estado", t.state().label()));
    if (t.priority() != null) {
      shown.add(new Shown("Prioridad", Priority.fromCode(t.priority()).map(Priority::label).orElse(t.priority())));
    }
    shown.add(new Shown("Solicitante", who(t.requester(), names)));
    if (t.assignedGroup() != null) {
      shown.add(new Shown("Grupo que lo atiende", Roles.NAMES.getOrDefault(t.assignedGroup(), t.assignedGroup())));
    }
    shown.add(new Shown("Abierto", When.of(t.createdAt(), zone).text()));
    shown.add(new Shown("Último cambio", When.of(t.updatedAt(), zone).text()));
    if (t.closedAt() != null) shown.add(new Shown("Cerrado", When.of(t.closedAt(), zone).text()));
    if (t.satisfactionScore() != null) {
      shown.add(new Shown("Calificación del servicio", t.satisfactionScore() + " de 5"));
    }
    // The request's own fields and what the steps added, in the catalogue's order, with their labels.
    for (Field field : FieldCatalogue.fields()) {
      if (OWN_PLACE.contains(field.key()) || !t.details().containsKey(field.key())) continue;
      String value = text(field, t.details().get(field.key()));
      if (value != null && !value.isBlank()) shown.add(new Shown(field.label(), value));
    }
    return shown;
  }

  /** A field's value as people read it: option labels, «Sí»/«No», dates as dd/MM/yyyy. */
  static String text(Field field, Object value) {
    if (value == null || value instanceof Map<?, ?>) return null;
    if (value instanceof Collection<?> values) {
      return values.stream().map(v -> text(field, v)).filter(v -> v != null && !v.isBlank())
          .collect(Collectors.joining(", "));
    }
    if (value instanceof Boolean yes && field.options().isEmpty()) return yes ? "Sí" : "No";
    if (field.type() == FieldType.DATE) {
      try {
        return DAY.format(LocalDate.parse(String.valueOf(value)));
      } catch (DateTimeParseException notADate) {
        return String.valueOf(value);
      }
    }
    return field.options().isEmpty() ? String.valueOf(value) : field.optionLabel(String.valueOf(value));
  }

  /**
   * The ticket's open tasks that wait on {@code user}: assigned to him, or offered to one of his
   * groups and not yet taken. Read as the application, and limited to him by the query itself.
   */
  private List<Waiting> waiting(String code, String user, Set<String> groups) {
    TaskQuery query = tasks.createTaskQuery().processInstanceBusinessKey(code).active();
    query = groups.isEmpty() ? query.taskAssignee(user)
        : query.or().taskAssignee(user).taskCandidateGroupIn(List.copyOf(groups)).endOr();
    return query.orderByTaskCreateTime().asc().list().stream()
        .filter(task -> task.getAssignee() == null || task.getAssignee().equals(user))
        .map(task -> new Waiting(task.getName(), When.of(offset(task.getCreateTime()), zone),
            When.of(offset(task.getDueDate()), zone), tasklist.task(task.getId()), task.getAssignee() == null))
        .toList();
  }

  private static java.time.OffsetDateTime offset(java.util.Date date) {
    return date == null ? null : date.toInstant().atOffset(java.time.ZoneOffset.UTC);
  }

  private List<Document> documents(String code) {
    return documents.list(code).stream().map(this::document).toList();
  }

  private Document document(DocumentInfo d) {
    String type = d.contentType().equals("application/pdf") ? "PDF"
        : d.contentType().substring(d.contentType().indexOf('/') + 1).toUpperCase(Locale.ROOT);
    return new Document(d.name(), DOCUMENT_LABELS.getOrDefault(d.name(), d.name()), type, size(d.sizeBytes()),
        When.of(d.createdAt(), zone));
  }

  static String size(int bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return String.format(Views.SPANISH, "%.1f KB", bytes / 1024.0);
    return String.format(Views.SPANISH, "%.1f MB", bytes / (1024.0 * 1024));
  }

  private static String who(String user, Map<String, String> names) {
    if (user == null) return "";
    if (TicketTimeline.SYSTEM_AUTHOR.equals(user)) return "Mesa de Servicios (automático)";
    return names.getOrDefault(user, user);
  }

  /**
   * The people's names by user id, for the few ids of one page. Should the identity store not
   * answer (the directory down), the ids are shown: the page is not worth an error.
   */
  private Map<String, String> names(Set<String> ids) {
    ids.remove(TicketTimeline.SYSTEM_AUTHOR);
    ids.remove(null);
    try {
      return people.of(ids);
    } catch (RuntimeException unavailable) {
      LOG.warn("People's names not found for a ticket's page; showing user ids: {}", unavailable.toString());
      return Map.of();
    }
  }
}
