package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.ticket.Topic;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * An outside provider that escalations go to (step 11): the maintenance contractor, a system's
 * vendor. {@code topics} are the help topics whose escalations it takes, in the enum's order;
 * {@code channel} says how it is reached. An inactive provider stays for the record, with its
 * contracts, but takes no escalation.
 */
public record Provider(long id, String code, String name, ProviderKind kind, String contactEmail, String services,
    Set<Topic> topics, ProviderChannel channel, boolean active, Instant updatedAt) {

  /** How a code is written: 2 to 40 capitals, digits, hyphens or underscores (MANTENIMIENTO, CPS-WEB). */
  public static final String CODE_PATTERN = "[A-Z0-9_-]{2,40}";

  public Provider {
    // Unmodifiable and in the enum's order, whatever set it was built from.
    topics = topics == null || topics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(topics));
  }

  /** Whether escalations of {@code topic} may go to it: it is active and the topic is one of its own. */
  public boolean takes(Topic topic) {
    return active && topics.contains(topic);
  }

  /** A code as people type it (spaces, lower case) in its stored form. */
  public static String normalCode(String typed) {
    return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
  }
}
