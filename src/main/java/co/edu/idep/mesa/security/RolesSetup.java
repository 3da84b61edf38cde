package co.edu.idep.mesa.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups at start-up on every profile; running it again changes nothing. With a
 * read-only identity (the directory, profile {@code ldap}) the groups are the directory's: nothing is
 * written, and what would leave a role empty is logged (a missing group, no administrator). The
 * application starts all the same, also while the directory does not answer.
 */
@Component
@Order(1)
public class RolesSetup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(RolesSetup.class);

  private final IdentityService identity;

  public RolesSetup(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.isReadOnly()) {
      checkTheDirectory();
      return;
    }
    Roles.NAMES.forEach((id, name) -> {
      if (identity.createGroupQuery().groupId(id).count() == 0) {
        Group group = identity.newGroup(id);
        group.setName(name);
        group.setType(Roles.ADMIN.equals(id) ? "SYSTEM" : "WORKFLOW");
        identity.saveGroup(group);
      }
    });
  }

  private void checkTheDirectory() {
    try {
      List<String> missing = Roles.NAMES.keySet().stream()
          .filter(id -> identity.createGroupQuery().groupId(id).count() == 0).toList();
      if (!missing.isEmpty()) {
        log.warn("The directory has no group for the roles {}: nobody holds them (the group's cn is the role)",
            missing);
      }
      if (identity.createUserQuery().memberOfGroup(Roles.ADMIN).count() == 0) {
        log.warn("The directory's group {} has no member: nobody can administer Camunda", Roles.ADMIN);
      }
    } catch (ProcessEngineException unreachable) {
      log.warn("The directory did not answer at start-up; its role groups were not checked: {}",
          unreachable.getMessage());
    }
  }
}
