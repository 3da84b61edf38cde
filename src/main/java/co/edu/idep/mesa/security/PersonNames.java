package co.edu.idep.mesa.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** A person's name as documents and providers see it, from the identity service (database or directory). */
@Component
public class PersonNames {

  private final IdentityService identity;

  public PersonNames(IdentityService identity) {
    this.identity = identity;
  }

  /** First and last name; the user id when the identity service knows no name for him. */
  public String of(String userId) {
    User user = user(userId);
    if (user == null) return userId;
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? userId : name;
  }

  /** His e-mail address, or null. */
  public String email(String userId) {
    User user = user(userId);
    return user == null ? null : user.getEmail();
  }

  private User user(String userId) {
    return identity.createUserQuery().userId(userId).singleResult();
  }
}
