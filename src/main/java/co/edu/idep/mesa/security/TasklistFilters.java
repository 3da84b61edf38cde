package co.edu.idep.mesa.security;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters that show each person their work: the requester's own tasks (verifying a
 * solution) and the tasks of the agent's groups. Expressions make one filter serve everybody.
 *
 * <p>Every filter shows, in each task's list entry, the ticket it belongs to: code, subject,
 * requester and priority ({@link #LIST_VARIABLES}). Tasklist reads them as the variables of the task
 * itself, which whoever sees the task may read (an agent may not read the whole process instance):
 * each help-desk task gets them when it is created ({@code ticket.TasklistEntry}). Existing filters
 * are brought up to date at start-up; nothing else of theirs is changed.
 */
@Component
@Order(4)
public class TasklistFilters implements ApplicationRunner {

  /** The ticket's code (its business key), as the task's own variable. */
  public static final String CODE = "listCode";
  /** The ticket's subject. */
  public static final String SUBJECT = "listSubject";
  /** Who opened the ticket (his user). */
  public static final String REQUESTER = "listRequester";
  /** The ticket's priority as people read it: Alta, Media, Baja. */
  public static final String PRIORITY = "listPriority";

  /** Name → label of the variables each list entry shows, in this order. */
  public static final Map<String, String> LIST_VARIABLES = new LinkedHashMap<>();

  static {
    LIST_VARIABLES.put(CODE, "Código");
    LIST_VARIABLES.put(SUBJECT, "Asunto");
    LIST_VARIABLES.put(REQUESTER, "Solicitante");
    LIST_VARIABLES.put(PRIORITY, "Prioridad");
  }

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    createOrUpdate("Mis tareas", "Tareas asignadas a mí", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    createOrUpdate("Tareas de mis grupos", "Tareas de los grupos a los que pertenezco, sin reclamar o reclamadas", -5,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }

  /** The {@code variables} property of a Tasklist filter: what each list entry shows. */
  static List<Map<String, String>> variables() {
    return LIST_VARIABLES.entrySet().stream().map(v -> Map.of("name", v.getKey(), "label", v.getValue())).toList();
  }

  private void createOrUpdate(String name, String description, int priority, TaskQuery query) {
    List<Filter> existing = filters.createFilterQuery().filterName(name).list();
    if (existing.isEmpty()) {
      Filter filter = filters.newTaskFilter(name);
      filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true,
          "variables", variables()));
      filter.setQuery(query);
      filters.saveFilter(filter);
      return;
    }
    for (Filter filter : existing) {
      Map<String, Object> properties = filter.getProperties() == null ? new HashMap<>()
          : new HashMap<>(filter.getProperties());
      if (variables().equals(properties.get("variables"))) continue;
      properties.put("variables", variables());
      filter.setProperties(properties);
      filters.saveFilter(filter);
    }
  }
}
