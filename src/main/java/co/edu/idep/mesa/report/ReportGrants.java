package co.edu.idep.mesa.report;

import co.edu.idep.mesa.security.Grant;
import co.edu.idep.mesa.security.ProcessGrants;
import co.edu.idep.mesa.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Steps 15-16: the technician and the IT contractors generate the quarterly report and correct it;
 * the head of the office may ask for one too. Approving it is his alone (QuarterlyReports).
 */
@Component
class ReportGrants implements ProcessGrants {

  static final List<String> REPORT_STAFF =
      List.of(Roles.TECHNICIAN, Roles.INFORMATION_SYSTEMS, Roles.WEB_ENGINEER, Roles.HEAD_OF_OFFICE);

  @Override
  public List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : REPORT_STAFF) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, QuarterlyReports.PROCESS_KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    }
    return grants;
  }
}
