package co.edu.idep.mesa.report;

import co.edu.idep.mesa.notification.Notifications;
import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.field.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * The e-mails of "informe-trimestral" (step 16), task listeners on "create" named in the diagram:
 * {@code ${reportNotifications.awaitingValidation(task)}} on "Validar el informe" and
 * {@code ${reportNotifications.returned(task)}} on "Corregir el informe". The report's key, period
 * and version come from the report record; each message is sent once per task. Each writes to the
 * outbox which template to send to which groups, in the step's transaction; the mail sender looks
 * the members' addresses up and renders the message. A report has no timeline: a person without an
 * e-mail address is logged by the sender.
 */
@Component
public class ReportNotifications {

  private final Notifications notifications;
  private final ReportRepository reports;

  public ReportNotifications(Notifications notifications, ReportRepository reports) {
    this.notifications = notifications;
    this.reports = reports;
  }

  /** A version of the report waits for the Jefe OAP's validation: his group is told, with the link to the task. */
  public void awaitingValidation(DelegateTask task) {
    Map<String, Object> model = model(task);
    Object summary = task.getVariable(Fields.REPORT_SUMMARY.key());
    model.put("summary", summary == null ? null : summary.toString());
    String key = (String) model.get("code");
    notifications.toGroups(new Notice("INFORME_POR_VALIDAR", "informe-por-validar:" + task.getId(), key,
        "informe-por-validar", model), List.of(Roles.HEAD_OF_OFFICE));
  }

  /**
   * The Jefe OAP returned the report with observations: the technician and the IT contractors who
   * correct it (the task's candidate groups, the Jefe's left out) are told, with his observations
   * and the link to the task.
   */
  public void returned(DelegateTask task) {
    Map<String, Object> model = model(task);
    Object observations = task.getVariable(Fields.REPORT_OBSERVATIONS.key());
    model.put("observations", observations != null ? observations.toString()
        : record(task).map(QuarterlyReport::observations).orElse(null));
    String key = (String) model.get("code");
    notifications.toGroups(new Notice("INFORME_DEVUELTO", "informe-devuelto:" + task.getId(), key,
        "informe-devuelto", model), correctors(task));
  }

  /** The groups that correct a report: the task's candidate groups, or the report staff; never the Jefe's. */
  static List<String> correctors(DelegateTask task) {
    List<String> groups = new ArrayList<>();
    if (task.getCandidates() != null) {
      for (IdentityLink link : task.getCandidates()) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
            && !groups.contains(link.getGroupId())) {
          groups.add(link.getGroupId());
        }
      }
    }
    if (groups.isEmpty()) groups.addAll(ReportGrants.REPORT_STAFF);
    groups.remove(Roles.HEAD_OF_OFFICE);
    return groups;
  }

  /** Key, period and version of the report the task is about: its record, else its variables. */
  private Map<String, Object> model(DelegateTask task) {
    Optional<QuarterlyReport> report = record(task);
    Map<String, Object> model = new HashMap<>();
    model.put("taskId", task.getId());
    if (report.isPresent()) {
      model.put("code", report.get().key());
      model.put("period", report.get().period().label());
      model.put("version", report.get().version());
    } else {
      model.put("code", Objects.requireNonNull(ReportVariables.KEY.get(task), "the task's report has no key"));
      model.put("period", ReportVariables.PERIOD.get(task));
      model.put("version", ReportVariables.VERSION.get(task));
    }
    return model;
  }

  private Optional<QuarterlyReport> record(DelegateTask task) {
    Long id = ReportVariables.ID.get(task);
    return id == null ? Optional.empty() : reports.findById(id);
  }
}
