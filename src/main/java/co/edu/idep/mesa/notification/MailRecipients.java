package co.edu.idep.mesa.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a message's {@link Audience} into addresses when {@link MailDelivery} sends it: the users in
 * their order, then the members of each group (each person once), then the literal addresses, each
 * address once. Looked up in the {@link AddressBook} at delivery, so that a step's transaction asks
 * the identity service nothing, and the message goes to the addresses people have when it leaves.
 */
@Component
public class MailRecipients {

  /**
   * The addresses found; the users who have none (or no valid one, or no account), in audience order;
   * and the groups that have no member at all.
   */
  public record Resolved(List<String> addresses, List<String> usersWithoutAddress, List<String> emptyGroups) {}

  private final AddressBook book;

  public MailRecipients(AddressBook book) {
    this.book = book;
  }

  public Resolved resolve(Audience audience) {
    Map<String, String> emailByUser = new LinkedHashMap<>();
    if (!audience.users().isEmpty()) {
      Map<String, String> found = book.emails(audience.users());
      audience.users().forEach(id -> emailByUser.put(id, found.get(id)));
    }
    List<String> emptyGroups = new ArrayList<>();
    for (String group : audience.groups()) {
      Map<String, String> members = book.members(group);
      if (members.isEmpty()) emptyGroups.add(group);
      members.forEach(emailByUser::putIfAbsent);
    }
    Map<String, String> addresses = new LinkedHashMap<>();
    List<String> without = new ArrayList<>();
    emailByUser.forEach((user, email) -> {
      if (OutgoingMail.isAddress(email)) addresses.putIfAbsent(key(email), email.strip());
      else without.add(user);
    });
    audience.addresses().forEach(address -> addresses.putIfAbsent(key(address), address));
    return new Resolved(List.copyOf(addresses.values()), List.copyOf(without), List.copyOf(emptyGroups));
  }

  private static String key(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }
}
