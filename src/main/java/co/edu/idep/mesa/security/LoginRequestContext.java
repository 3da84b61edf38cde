package co.edu.idep.mesa.security;

import co.edu.idep.mesa.security.LoginThrottle.RepeatedFailures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The request being served on this thread, as the password checks see it: the client's address,
 * the accounts whose attempt {@link LoginThrottleFilter} already admitted, and the repeated
 * failures to write to the audit trail once the request is done (outside any transaction).
 */
final class LoginRequestContext {

  private static final ThreadLocal<LoginRequestContext> CURRENT = new ThreadLocal<>();

  private final String address;
  private final Set<String> admitted = new HashSet<>();
  private final List<RepeatedFailures> repeatedFailures = new ArrayList<>();

  private LoginRequestContext(String address) {
    this.address = address;
  }

  /** The context of this thread's request; null outside {@link LoginThrottleFilter} (engine jobs, tests). */
  static LoginRequestContext current() {
    return CURRENT.get();
  }

  static LoginRequestContext open(String address) {
    LoginRequestContext context = new LoginRequestContext(address);
    CURRENT.set(context);
    return context;
  }

  void close() {
    CURRENT.remove();
  }

  String address() {
    return address;
  }

  void admitted(String account) {
    admitted.add(LoginThrottle.normalize(account));
  }

  /** Takes over the filter's admission of {@code account}: true if there was one. */
  boolean settle(String account) {
    return admitted.remove(LoginThrottle.normalize(account));
  }

  /** The accounts the filter admitted whose password was never checked. */
  Set<String> unsettled() {
    return Set.copyOf(admitted);
  }

  void report(RepeatedFailures failures) {
    repeatedFailures.add(failures);
  }

  List<RepeatedFailures> repeatedFailures() {
    return List.copyOf(repeatedFailures);
  }
}
