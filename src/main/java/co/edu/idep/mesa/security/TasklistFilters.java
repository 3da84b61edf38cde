package co.edu.idep.mesa.security;

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
 */
@Component
@Order(4)
public class TasklistFilters implements ApplicationRunner {

  private final FilterService filters;
  private final TaskService tasks;

  public TasklistFilters(FilterService filters, TaskService tasks) {
    this.filters = filters;
    this.tasks = tasks;
  }

  @Override
  public void run(ApplicationArguments args) {
    create("Mis tareas", "Tareas asignadas a mí", -10,
        tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    create("Tareas de mis grupos", "Tareas de los grupos a los que pertenezco, sin reclamar o reclamadas", -5,
        tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
  }

  private void create(String name, String description, int priority, TaskQuery query) {
    if (filters.createFilterQuery().filterName(name).count() > 0) return;
    Filter filter = filters.newTaskFilter(name);
    filter.setProperties(Map.of("description", description, "priority", priority, "refresh", true));
    filter.setQuery(query);
    filters.saveFilter(filter);
  }
}
