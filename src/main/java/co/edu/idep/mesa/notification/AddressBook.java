package co.edu.idep.mesa.notification;

import java.util.Collection;
import java.util.Map;

/**
 * Where users' addresses are looked up when a message is sent: Camunda's identity service
 * ({@link CamundaAddressBook}) today, a directory later. Only {@link MailDelivery} asks it, through
 * {@link MailRecipients}; never the step that enqueues the message.
 */
public interface AddressBook {

  /** The e-mail address of each of these users who exists (the value null if he has none). */
  Map<String, String> emails(Collection<String> userIds);

  /** The members of group {@code groupId}, user id to e-mail address (null if none), by user id. */
  Map<String, String> members(String groupId);
}
