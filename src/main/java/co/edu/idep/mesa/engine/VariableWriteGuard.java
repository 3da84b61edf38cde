package co.edu.idep.mesa.engine;

import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.validation.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A person writes variables only through a form, and only the fields that form lets him edit.
 * Camunda accepts any variable from whoever may start a process or work a task, and the routing of
 * a ticket (its topic, group, requester) reads variables; this interceptor runs inside every
 * engine command — whatever the entry point: Tasklist, {@code /engine-rest}, the Java API — and:
 * <ul>
 *   <li>lets a person hand a task only to himself or to a member of its candidate groups, and
 *   change neither those groups nor the task's name or priority ({@link TaskHolders});</li>
 *   <li>lets a start or a task completion carry only the fields its form lets the person edit
 *   ({@link FormFieldPolicy}); a field the form shows read-only may come back unchanged, as
 *   Tasklist sends it; anything else is a Spanish 400 naming the field, and nothing changes;</li>
 *   <li>keeps to administrators every command that writes variables or moves a process outside
 *   the forms (the variable endpoints, modification, messages, signals), with a Spanish 403.</li>
 * </ul>
 * Unauthenticated calls (the engine's own jobs) and {@link TrustedCalls} (the application's own,
 * validated requests) pass. Administrators pass too; Camunda's user operation log, which the audit
 * trail reads, records what they change.
 */
public class VariableWriteGuard extends CommandInterceptor {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private final FormFieldPolicy forms;

  public VariableWriteGuard(FormFieldPolicy forms) {
    this.forms = forms;
  }

  @Override
  public <T> T execute(Command<T> command) {
    var outside = EngineCommands.outsideForms(command);
    var start = outside.isPresent() ? null : EngineCommands.start(command).orElse(null);
    var completion = outside.isPresent() || start != null ? null : EngineCommands.completion(command).orElse(null);
    var taskChange = outside.isPresent() || start != null || completion != null ? null
        : EngineCommands.taskChange(command).orElse(null);
    if ((outside.isPresent() || start != null || completion != null || taskChange != null) && guarded()) {
      outside.ifPresent(VariableWriteGuard::refuseOutsideForms);
      if (start != null) checkStart(start);
      if (completion != null) checkCompletion(completion);
      if (taskChange != null) TaskHolders.check(taskChange, command);
    }
    return next.execute(command);
  }

  /** A person acting, who is no administrator, outside the application's own validated calls. */
  private static boolean guarded() {
    if (TrustedCalls.active()) return false;
    CommandContext context = Context.getCommandContext();
    Authentication user = context == null ? null : context.getAuthentication();
    return user != null && user.getUserId() != null && !context.getAuthorizationManager().isCamundaAdmin(user);
  }

  private static void refuseOutsideForms(Set<String> names) {
    throw new AuthorizationException(names.isEmpty()
        ? "Solo un administrador puede mover un proceso o enviarle mensajes o señales fuera de los formularios de sus tareas."
        : "Solo un administrador puede modificar variables fuera de los formularios de las tareas: "
            + String.join(", ", new TreeSet<>(names)) + ".");
  }

  private void checkStart(EngineCommands.Start start) {
    if (start.variables().isEmpty()) return;
    DeploymentCache cache = Context.getProcessEngineConfiguration().getDeploymentCache();
    ProcessDefinitionEntity definition = start.processDefinitionId() != null
        ? cache.findDeployedProcessDefinitionById(start.processDefinitionId())
        : cache.findDeployedLatestProcessDefinitionByKey(start.processDefinitionKey());
    String formId = definition.getInitial() == null ? null
        : formRef(cache.findBpmnModelInstanceForProcessDefinition(definition), definition.getInitial().getId());
    check(formId, start.variables(), key -> null);
  }

  private void checkCompletion(EngineCommands.Completion completion) {
    if (completion.variables().isEmpty()) return;
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(completion.taskId());
    if (task == null) return;  // the command itself says the task does not exist
    String formId = task.getProcessDefinitionId() == null ? null : formRef(
        Context.getProcessEngineConfiguration().getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(task.getProcessDefinitionId()),
        task.getTaskDefinitionKey());
    check(formId, completion.variables(), task::getVariable);
  }

  private void check(String formId, Map<String, ?> submitted, java.util.function.Function<String, Object> current) {
    Set<String> editable = formId == null ? Set.of() : forms.editable(formId);
    Set<String> readOnly = formId == null ? Set.of() : forms.readOnly(formId);
    List<Violation> violations = new ArrayList<>();
    for (String key : submitted.keySet()) {
      // Typed, so that a serialized object is looked at, never deserialized.
      Object value = submitted instanceof VariableMap typed ? typed.getValueTyped(key) : submitted.get(key);
      String field = forms.label(key).map(label -> "El campo «" + label + "»").orElse("El dato «" + key + "»");
      if (editable.contains(key)) {
        if (!isPlainData(value)) {
          violations.add(new Violation(key,
              field + " debe ser un texto, un número, una fecha, un sí o no, o una lista."));
        }
        continue;
      }
      boolean shown = readOnly.contains(key);
      if (shown && isPlainData(value) && sameValue(value, current.apply(key))) continue;
      violations.add(new Violation(key, shown
          ? field + " solo se puede consultar en este formulario; no se puede modificar."
          : field + " no se puede enviar en este formulario."));
    }
    if (!violations.isEmpty()) throw new InvalidInputException(violations);
  }

  /**
   * Forms submit text, numbers, booleans, dates and JSON lists. A Java object (serialized or not),
   * bytes or a file is no form data, and Java serialization is refused by the engine anyway.
   */
  static boolean isPlainData(Object value) {
    if (value instanceof TypedValue typed) {
      ValueType type = typed.getType();
      return type == null || !(type == ValueType.OBJECT || type == ValueType.BYTES || type == ValueType.FILE);
    }
    return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof java.util.Date || value instanceof Collection<?> || value instanceof SpinJsonNode;
  }

  static String formRef(BpmnModelInstance model, String elementId) {
    BaseElement element = model == null ? null : model.getModelElementById(elementId);
    return element == null ? null : element.getAttributeValueNs(CAMUNDA_NS, "formRef");
  }

  /** Whether a read-only field came back as it is; empty and absent are the same. */
  static boolean sameValue(Object submitted, Object current) {
    Object a = plain(submitted);
    Object b = plain(current);
    if (isEmpty(a) || isEmpty(b)) return isEmpty(a) && isEmpty(b);
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return Objects.equals(a.toString(), b.toString());
  }

  private static Object plain(Object value) {
    if (value instanceof TypedValue typed) value = typed.getValue();
    if (value instanceof Collection<?> list) return Spin.JSON(new ArrayList<>(list)).toString();
    if (value instanceof SpinJsonNode json) return json.isString() ? json.stringValue() : json.toString();
    return value;
  }

  private static boolean isEmpty(Object value) {
    return value == null || (value instanceof String s && s.isEmpty());
  }
}
