package co.edu.idep.mesa.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

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
 * The role matrix of the README as Camunda authorizations, granted at start-up on every profile:
 * the grants that concern no process in particular are here, each process's own come from its
 * capability ({@link ProcessGrants} beans), so this package depends on none of them.
 * Granting is additive and idempotent: a grant that exists is left alone, a missing permission
 * is added. Task-level grants are not here: the engine gives them to a task's candidate group and
 * assignee, so an agent sees exactly the tasks of the topics the decision table gives his group.
 */
@Component
@Order(2)
public class AuthorizationSetup implements ApplicationRunner {

  private final AuthorizationService authorizations;
  private final List<ProcessGrants> processes;

  public AuthorizationSetup(AuthorizationService authorizations, List<ProcessGrants> processes) {
    this.authorizations = authorizations;
    this.processes = processes;
  }

  static List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    for (String group : List.of(Roles.REQUESTERS, Roles.TECHNICIAN, Roles.INFORMATION_SYSTEMS,
        Roles.GOOBI_ENGINEER, Roles.WEB_ENGINEER, Roles.HEAD_OF_OFFICE)) {
      grants.add(new Grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
      grants.add(new Grant(group, Resources.FILTER, "*", Permissions.READ));
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
    processes.forEach(process -> process.grants().forEach(this::grant));
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
