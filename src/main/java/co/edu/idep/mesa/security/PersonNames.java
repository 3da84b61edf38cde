package co.edu.idep.mesa.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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
    String name = user == null ? "" : name(user);
    return name.isEmpty() ? userId : name;
  }

  /** User id → first and last name, in one query, of those of {@code userIds} who have a name. */
  public Map<String, String> of(Collection<String> userIds) {
    Map<String, String> names = new HashMap<>();
    if (userIds.isEmpty()) return names;
    for (User user : identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list()) {
      String name = name(user);
      if (!name.isEmpty()) names.put(user.getId(), name);
    }
    return names;
  }

  private static String name(User user) {
    return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
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
