package co.edu.idep.mesa.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;

/** Acts as the people of the procedure: opens tickets and completes tasks as a given user. */
class ProcessDriver {

  private static final java.util.concurrent.atomic.AtomicLong PEOPLE =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 100_000_000L);

  static final Map<String, List<String>> GROUPS = Map.of(
      "usuario1", List.of(Roles.REQUESTERS),
      "usuario2", List.of(Roles.REQUESTERS),
      "tecnico", List.of(Roles.TECHNICIAN),
      "sistemas", List.of(Roles.INFORMATION_SYSTEMS),
      "goobi", List.of(Roles.GOOBI_ENGINEER),
      "web", List.of(Roles.WEB_ENGINEER),
      "jefe", List.of(Roles.HEAD_OF_OFFICE),
      "admin", List.of(Roles.ADMIN));

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  ProcessDriver(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /** What the start form submits for each topic: valid data. */
  static Map<String, Object> request(String topic) {
    Map<String, Object> v = new HashMap<>();
    v.put("topic", topic);
    v.put("subject", "Solicitud de prueba");
    v.put("description", "Descripción de la solicitud: el equipo no enciende desde ayer.");
    switch (topic) {
      case "CUENTA_USUARIO" -> {
        v.put("fullName", "María Fernanda Pérez Ñáñez");
        v.put("idType", "CC");
        // Each request a person of its own: the directory of the shared application keeps every account.
        v.put("idNumber", String.valueOf(1_000_000_000L + PEOPLE.incrementAndGet()));
        v.put("linkType", "CONTRATISTA");
        v.put("contractNumber", "045-2026");
        v.put("alternateEmail", "maria.perez@example.org");
        v.put("mobilePhone", "3001234567");
        v.put("accesses", Spin.JSON(List.of("RED", "CORREO")));
      }
      case "PRESTAMO_COMPUTO", "PRESTAMO_COMUNICACIONES" -> {
        v.put("equipment", "Portátil con cargador");
        v.put("quantity", 2L);
        v.put("loanStart", LocalDate.now().plusDays(1).toString());
        v.put("loanEnd", LocalDate.now().plusDays(3).toString());
        v.put("usePlace", "Auditorio, sede principal");
        v.put("leavesInstitute", true);
        v.put("idType", "CC");
        v.put("idNumber", "52123456");
      }
      case "SOPORTE_TECNICO" -> {
        v.put("location", "Sede principal, piso 3, oficina OAP");
        v.put("assetTag", "IDEP-00123");
      }
      case "SOPORTE_WEB" -> {
        v.put("module", "Portal institucional");
        v.put("webAddress", "https://www.idep.edu.co/");
      }
      default -> v.put("module", "Nómina");
    }
    return v;
  }

  ProcessInstance open(String requester, Map<String, Object> variables) {
    identity.setAuthentication(requester, GROUPS.getOrDefault(requester, List.of()));
    try {
      return runtime.startProcessInstanceByKey(TicketVariables.PROCESS_KEY, variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Runs {@code action} as {@code user}, with the groups of his demo account. */
  <T> T as(String user, java.util.function.Supplier<T> action) {
    identity.setAuthentication(user, GROUPS.getOrDefault(user, List.of()));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Completes the task the instance waits at, as {@code user}, after checking it waits there. */
  void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
    assertThat(instance).isWaitingAt(taskKey);
    Task task = task(taskKey, instance);
    identity.setAuthentication(user, GROUPS.getOrDefault(user, List.of()));
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) map.put((String) keyValues[i], keyValues[i + 1]);
    return map;
  }
}
