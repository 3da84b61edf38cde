package co.edu.idep.mesa.accounts.directory;

import co.edu.idep.mesa.security.LoginThrottle;
import co.edu.idep.mesa.security.ThrottledPasswordCheck;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;

/**
 * Camunda's LDAP identity provider (read-only: users, groups and memberships are the directory's),
 * with every password check of a web request passing through the {@link LoginThrottle}, as the
 * database's provider does (security/ThrottledIdentityProvider): a delayed attempt never reaches
 * the directory, a wrong password counts, and a directory that does not answer judges nothing.
 *
 * <p>The login name must be the account's as the directory has it, letter case included. The
 * directory compares names regardless of case, the engine does not: "Tecnico" would be let in as
 * another person than "tecnico", whose tasks, tickets and notes are not his. So, like the database's
 * users, a name in another case is a wrong login. An empty password is always wrong: to a directory
 * it would be an anonymous bind, which succeeds.
 */
class DirectoryIdentityProvider extends LdapIdentityProviderSession {

  private final LoginThrottle throttle;

  DirectoryIdentityProvider(LdapConfiguration configuration, LoginThrottle throttle) {
    super(configuration);
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return ThrottledPasswordCheck.check(throttle, userId,
        () -> password != null && !password.isEmpty() && isExactLoginName(userId)
            && super.checkPassword(userId, password));
  }

  /**
   * A person reads the groups he belongs to (Tasklist shows them), as with the database's identity,
   * where each group's members get that grant when it is created; other groups need a grant (the
   * administrators').
   */
  @Override
  protected boolean isAuthorizedToReadGroup(String groupId) {
    CommandContext context = Context.getCommandContext();
    Authentication current = context == null ? null : context.getAuthentication();
    if (current != null && current.getGroupIds() != null && current.getGroupIds().contains(groupId)) return true;
    return super.isAuthorizedToReadGroup(groupId);
  }

  private boolean isExactLoginName(String userId) {
    if (userId == null || userId.isEmpty()) return false;
    User user = findUserById(userId);
    return user != null && userId.equals(user.getId());
  }
}
