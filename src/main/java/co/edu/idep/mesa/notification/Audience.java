package co.edu.idep.mesa.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whom a message is for, as the step knows it: Camunda user ids, Camunda group ids (every member),
 * and literal addresses (a provider's). Stored in the outbox as JSON; {@link MailRecipients} turns
 * it into addresses when {@link MailDelivery} sends the message, so that the step's transaction
 * asks the identity service nothing.
 *
 * @param users Camunda user ids, in order, each once
 * @param groups Camunda group ids, in order, each once
 * @param addresses e-mail addresses (user@domain), each once regardless of case
 */
public record Audience(List<String> users, List<String> groups, List<String> addresses) {

  /** Characters of an audience in JSON at most (the column). */
  static final int MAX_JSON_LENGTH = 4000;
  static final int MAX_ID_LENGTH = 64;

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Audience {
    users = ids("user", users);
    groups = ids("group", groups);
    addresses = addresses(addresses);
  }

  public static Audience ofUsers(Collection<String> userIds) {
    return new Audience(List.copyOf(userIds), List.of(), List.of());
  }

  public static Audience ofGroups(Collection<String> groupIds) {
    return new Audience(List.of(), List.copyOf(groupIds), List.of());
  }

  public static Audience ofAddresses(Collection<String> addresses) {
    return new Audience(List.of(), List.of(), List.copyOf(addresses));
  }

  @JsonIgnore
  public boolean isEmpty() {
    return users.isEmpty() && groups.isEmpty() && addresses.isEmpty();
  }

  String toJson() {
    String json;
    try {
      json = JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (json.length() > MAX_JSON_LENGTH) {
      throw new IllegalArgumentException("too many recipients: the audience takes " + json.length()
          + " characters, at most " + MAX_JSON_LENGTH + " (name a group instead of its members)");
    }
    return json;
  }

  static Audience fromJson(String json) {
    try {
      Audience audience = JSON.readValue(json, Audience.class);
      if (audience == null) throw new IllegalArgumentException("the audience is empty JSON");
      return audience;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the audience is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static List<String> ids(String what, List<String> ids) {
    if (ids == null) return List.of();
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH || !id.equals(id.strip())) {
        throw new IllegalArgumentException(what + " " + (i + 1) + " is not a " + what + " id");
      }
      distinct.add(id);
    }
    return List.copyOf(distinct);
  }

  private static List<String> addresses(List<String> addresses) {
    if (addresses == null) return List.of();
    Map<String, String> distinct = new LinkedHashMap<>();
    for (int i = 0; i < addresses.size(); i++) {
      String address = addresses.get(i);
      // The message names the entry, not the address: addresses are personal data.
      if (!OutgoingMail.isAddress(address)) {
        throw new IllegalArgumentException("recipient " + (i + 1) + " is not an e-mail address");
      }
      distinct.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), address.strip());
    }
    return List.copyOf(distinct.values());
  }
}
