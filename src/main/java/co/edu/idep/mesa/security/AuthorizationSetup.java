package co.edu.idep.mesa.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import static co.edu.idep.mesa.ticket.TicketVariables.PROCESS_KEY;

import co.edu.idep.mesa.report.QuarterlyReports;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The role matrix of the README as Camunda authorizations, granted at start-up on every profile.
 * Granting is additive and idempotent: a grant that exists is left alone, a missing permission
 * is added. Task-level grants are not here: the engine gives them to a task's candidate group and
 * assignee, so an agent sees exactly the tasks of the topics the decision table gives his group.
 */
@Component
@Order(2)
public class AuthorizationSetup implements ApplicationRunner {

  static final List<String> AGENTS =
      List.of(Roles.TECHNICIAN, Roles.INFORMATION_SYSTEMS, Roles.GOOBI_ENGINEER, Roles.WEB_ENGINEER);

  /** Who generates, corrects and may request the quarterly report. */
  static final List<String> REPORT_STAFF =
      List.of(Roles.TECHNICIAN, Roles.INFORMATION_SYSTEMS, Roles.WEB_ENGINEER, Roles.HEAD_OF_OFFICE);

  record Grant(String group, Resource resource, String resourceId, Permission... permissions) {}

  private final AuthorizationService authorizations;

  public AuthorizationSetup(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : List.of(Roles.REQUESTERS, Roles.TECHNICIAN, Roles.INFORMATION_SYSTEMS,
        Roles.GOOBI_ENGINEER, Roles.WEB_ENGINEER, Roles.HEAD_OF_OFFICE)) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(group, Resources.FILTER, "*", Permissions.READ));
    }
    // Requesters open tickets: start "Mesa de Servicios" and nothing else.
    grants.add(new Grant(Roles.REQUESTERS, Resources.PROCESS_DEFINITION, PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    grants.add(new Grant(Roles.REQUESTERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    // Agents read the process (its name and forms in Tasklist); their tasks come from the engine.
    for (String agent : AGENTS) {
      grants.add(new Grant(agent, Resources.PROCESS_DEFINITION, PROCESS_KEY, ProcessDefinitionPermissions.READ));
    }
    // Steps 15-16: the technician and the IT contractors generate the quarterly report and correct
    // it; the head of the office may ask for one too. Approving it is his alone (QuarterlyReports).
    for (String group : REPORT_STAFF) {
      grants.add(new Grant(group, Resources.PROCESS_DEFINITION, QuarterlyReports.PROCESS_KEY,
          ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE,
          ProcessDefinitionPermissions.READ_INSTANCE));
      grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    }
    // The head of the planning office supervises: reads every instance, task, decision and history.
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.PROCESS_DEFINITION, "*",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.PROCESS_INSTANCE, "*", Permissions.READ));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.TASK, "*", Permissions.READ));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.DEPLOYMENT, "*", Permissions.READ));
    grants.add(new Grant(Roles.HEAD_OF_OFFICE, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ));
    // Only administrators administer users, groups, deployments and authorizations.
    for (Resources resource : Resources.values()) {
      grants.add(new Grant(Roles.ADMIN, resource, "*", Permissions.ALL));
    }
    return grants;
  }

  @Override
  public void run(ApplicationArguments args) {
    grants().forEach(this::grant);
  }

  private void grant(Grant grant) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT).groupIdIn(grant.group())
        .resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
    if (authorization == null) {
      authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(grant.group());
      authorization.setResource(grant.resource());
      authorization.setResourceId(grant.resourceId());
    } else if (hasAll(authorization, grant.permissions())) {
      return;
    }
    for (Permission permission : grant.permissions()) authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }

  private static boolean hasAll(Authorization authorization, Permission[] permissions) {
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) return false;
    }
    return true;
  }
}
