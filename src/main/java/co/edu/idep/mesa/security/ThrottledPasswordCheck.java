package co.edu.idep.mesa.security;

import java.util.function.BooleanSupplier;

/**
 * A password check of a web request, passing through the {@link LoginThrottle}: the rule that every
 * identity provider of the application follows, the database's ({@link ThrottledIdentityProvider})
 * and the directory's (profile {@code ldap}, accounts/directory/DirectoryIdentityProvider). A check
 * the throttle refuses answers "wrong" without looking at the password; a wrong password counts; a
 * check that ends in an exception (the directory did not answer) judged nothing and counts for
 * nothing. Checks outside a web request (engine jobs, tests) are not throttled.
 */
public final class ThrottledPasswordCheck {

  private ThrottledPasswordCheck() {}

  /** Whether {@code userId}'s password is right, as {@code check} says, if the throttle lets it be asked. */
  public static boolean check(LoginThrottle throttle, String userId, BooleanSupplier check) {
    LoginRequestContext request = LoginRequestContext.current();
    if (request == null) return check.getAsBoolean();
    String address = request.address();
    if (!request.settle(userId) && !throttle.admit(userId, address).admitted()) return false;
    boolean judged = false;
    try {
      boolean right = check.getAsBoolean();
      judged = true;
      if (right) {
        throttle.succeeded(userId, address);
      } else {
        throttle.failed(userId, address).ifPresent(request::report);
      }
      return right;
    } finally {
      if (!judged) throttle.released(userId, address);
    }
  }
}
