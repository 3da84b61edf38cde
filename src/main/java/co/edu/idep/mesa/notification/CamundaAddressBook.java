package co.edu.idep.mesa.notification;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Users' and groups' addresses from Camunda's identity service. Read as the application, not as the
 * person the sending thread may be authenticated as: a requester may not read his agents' accounts,
 * yet his ticket notifies them.
 */
@Component
public class CamundaAddressBook implements AddressBook {

  private final IdentityService identity;

  public CamundaAddressBook(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Map<String, String> emails(Collection<String> userIds) {
    Map<String, String> emails = new LinkedHashMap<>();
    if (userIds.isEmpty()) return emails;
    asApplication(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list())
        .forEach(user -> emails.put(user.getId(), user.getEmail()));
    return emails;
  }

  @Override
  public Map<String, String> members(String groupId) {
    Map<String, String> members = new LinkedHashMap<>();
    asApplication(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list())
        .forEach(user -> members.put(user.getId(), user.getEmail()));
    return members;
  }

  /** Runs an identity query without the current person's authorizations, then restores them. */
  private List<User> asApplication(Supplier<List<User>> query) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null) return query.get();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      identity.setAuthentication(current);
    }
  }
}
