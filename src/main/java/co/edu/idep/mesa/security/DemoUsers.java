package co.edu.idep.mesa.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users for the embedded default profile only (application.yaml turns them on; the
 * postgres profile turns them off). Every one of them has the password {@code demo} and exactly one
 * role, so that each shows the role matrix of the README as it is. With a read-only identity (the
 * directory, profile {@code ldap}) nothing is written: the embedded directory holds the same users
 * (directory/idep.ldif).
 */
@Component
@Order(3)
@ConditionalOnProperty(name = "mesa.demo-users.enabled", havingValue = "true")
public class DemoUsers implements ApplicationRunner {

  record Demo(String id, String firstName, String lastName, List<String> groups) {}

  static final List<Demo> USERS = List.of(
      new Demo("usuario1", "Ana", "Rodríguez", List.of(Roles.REQUESTERS)),
      new Demo("usuario2", "Carlos", "Gómez", List.of(Roles.REQUESTERS)),
      new Demo("tecnico", "Técnico", "Operativo", List.of(Roles.TECHNICIAN)),
      new Demo("sistemas", "Contratista", "Sistemas de Información", List.of(Roles.INFORMATION_SYSTEMS)),
      new Demo("goobi", "Ingeniero", "Goobi", List.of(Roles.GOOBI_ENGINEER)),
      new Demo("web", "Ingeniero", "Sistemas Web", List.of(Roles.WEB_ENGINEER)),
      new Demo("jefe", "Jefe", "Oficina Asesora de Planeación", List.of(Roles.HEAD_OF_OFFICE)),
      new Demo("admin", "Administrador", "Camunda", List.of(Roles.ADMIN)));

  private final IdentityService identity;
  private final String password;

  public DemoUsers(IdentityService identity, @Value("${mesa.demo-users.password}") String password) {
    this.identity = identity;
    this.password = password;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (identity.isReadOnly()) return;
    for (Demo demo : USERS) {
      User existing = identity.createUserQuery().userId(demo.id()).singleResult();
      if (existing != null) {
        // Databases made before the mail existed gave them addresses that no mailbox answers.
        if (!email(demo).equals(existing.getEmail())) {
          existing.setEmail(email(demo));
          identity.saveUser(existing);
        }
        continue;
      }
      User user = identity.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(email(demo));
      user.setPassword(password);
      identity.saveUser(user);
      demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
    }
  }

  /** The address whose mailbox the embedded mail server opens (notification/EmbeddedMailServer). */
  static String email(Demo demo) {
    return demo.id() + "@idep.edu.co";
  }
}
