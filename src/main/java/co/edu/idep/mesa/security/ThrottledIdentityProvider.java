package co.edu.idep.mesa.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own identity provider (users in its database), with every password check of a web
 * request passing through the {@link LoginThrottle} ({@link ThrottledPasswordCheck}): the webapps'
 * login, {@code /engine-rest}, {@code /api} and also the engine API's {@code identity/verify}. A
 * check the throttle refuses answers "wrong" without looking at the password. Checks outside a web
 * request are not throttled. On the profile {@code ldap} the directory's provider takes its place
 * (accounts/directory/DirectoryIdentityProvider), throttled the same way.
 *
 * <p>Camunda's per-user lock is off: it let anyone lock a person out for good with ten wrong
 * passwords. The provider never locks nor counts a user, so neither the lock columns of
 * {@code ACT_ID_USER} nor a clock moved back can keep anybody out (application.yaml sets the
 * engine's lock properties so that its default provider would not lock either).
 */
public class ThrottledIdentityProvider extends DbIdentityServiceProvider {

  private final LoginThrottle throttle;

  public ThrottledIdentityProvider(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return ThrottledPasswordCheck.check(throttle, userId, () -> super.checkPassword(userId, password));
  }

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false;
  }

  @Override
  protected void lockUser(UserEntity user) {
    // The LoginThrottle slows the source instead; see the class comment.
  }
}
