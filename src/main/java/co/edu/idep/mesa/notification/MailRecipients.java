package co.edu.idep.mesa.notification;

import java.util.ArrayList;
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
 * Users' and groups' e-mail addresses, from Camunda's identity service (its users today, a
 * directory later). Read as the application, not as the person whose step causes the mail: a
 * requester may not read his agents' accounts, yet his ticket notifies them.
 */
@Component
public class MailRecipients {

  /** The addresses found, and the users who have none (or no valid one, or no account). */
  public record Resolved(List<String> addresses, List<String> usersWithoutAddress) {}

  private final IdentityService identity;

  public MailRecipients(IdentityService identity) {
    this.identity = identity;
  }

  /** The addresses of these users, in their order. */
  public Resolved users(Collection<String> userIds) {
    if (userIds.isEmpty()) return new Resolved(List.of(), List.of());
    Map<String, String> emails = new LinkedHashMap<>();
    asApplication(() -> identity.createUserQuery().userIdIn(userIds.toArray(String[]::new)).list())
        .forEach(user -> emails.put(user.getId(), user.getEmail()));
    Map<String, String> ordered = new LinkedHashMap<>();
    userIds.forEach(id -> ordered.put(id, emails.get(id)));
    return resolved(ordered);
  }

  /** The addresses of every member of these groups, each person once. */
  public Resolved groups(Collection<String> groupIds) {
    Map<String, String> members = new LinkedHashMap<>();
    for (String group : groupIds) {
      asApplication(() -> identity.createUserQuery().memberOfGroup(group).orderByUserId().asc().list())
          .forEach(user -> members.putIfAbsent(user.getId(), user.getEmail()));
    }
    return resolved(members);
  }

  private static Resolved resolved(Map<String, String> emailByUser) {
    List<String> addresses = new ArrayList<>();
    List<String> without = new ArrayList<>();
    emailByUser.forEach((user, email) -> {
      if (OutgoingMail.isAddress(email)) addresses.add(email.strip());
      else without.add(user);
    });
    return new Resolved(List.copyOf(addresses), List.copyOf(without));
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
