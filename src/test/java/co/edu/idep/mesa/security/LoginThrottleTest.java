package co.edu.idep.mesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.security.LoginThrottle.Admission;
import co.edu.idep.mesa.security.LoginThrottle.RepeatedFailures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's rule on a clock the test moves: the exact delays, per account and address. */
class LoginThrottleTest {

  static final String A = "10.0.0.7";
  static final String B = "10.0.0.9";

  Instant now = Instant.parse("2026-03-02T13:00:00Z");
  LoginThrottle throttle = new LoginThrottle(() -> now);

  @Test
  void theDelaysOfOneAccountAtOneAddressDoubleFromOneSecondUpToAMinute() {
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      throttle.failed("jefe", A);
      delays.add(waitUntilAdmitted("jefe", A));
    }
    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  @Test
  void aDelayedAttemptIsRefusedForExactlyTheRestOfItsDelay() {
    fail("jefe", A, 3);  // the next attempt waits 4 s
    now = now.plusMillis(2500);
    Admission refused = throttle.admit("jefe", A);
    assertThat(refused.admitted()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(1500));
    now = now.plusMillis(1500);
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
  }

  @Test
  void theOwnerAtAnotherAddressIsNeverDelayedByAStranger() {
    fail("jefe", A, 50);
    assertThat(throttle.admit("jefe", A).admitted()).isFalse();
    assertThat(throttle.admit("jefe", B).admitted()).isTrue();
    throttle.succeeded("jefe", B);
    assertThat(throttle.admit("jefe", B).admitted()).isTrue();
  }

  @Test
  void anAddressHasTenFreeFailuresOverAllAccountsThenSlowsAsAWhole() {
    for (int i = 1; i <= 10; i++) {
      assertThat(throttle.admit("persona" + i, A).admitted()).as("cuenta %d", i).isTrue();
      throttle.failed("persona" + i, A);
    }
    // The 11th account is still new, but the address has used its allowance.
    assertThat(throttle.admit("persona11", A).admitted()).isTrue();
    throttle.failed("persona11", A);
    List<Long> delays = new ArrayList<>();
    for (int i = 12; i <= 19; i++) {
      delays.add(waitUntilAdmitted("persona" + i, A));
      throttle.failed("persona" + i, A);
    }
    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L);
    // Another address is not concerned.
    assertThat(throttle.admit("persona1", B).admitted()).isTrue();
  }

  @Test
  void aSuccessClearsTheAccountAtItsAddressButNotTheAddressAsAWhole() {
    fail("jefe", A, 3);
    for (int i = 1; i <= 9; i++) fail("persona" + i, A, 1);
    // 12 failures from A: the address waits 2 s, the account 4 s.
    now = now.plusSeconds(4);
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
    throttle.succeeded("jefe", A);
    assertThat(throttle.throttled()).noneMatch(t -> "jefe".equals(t.account()));
    throttle.failed("otro", A);  // the 13th failure of the address: 4 s
    assertThat(throttle.admit("jefe", A).retryAfter()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void countsAreForgottenAfterAQuietQuarterOfAnHour() {
    fail("jefe", A, 20);
    now = now.plus(LoginThrottle.QUIET_PERIOD).minusSeconds(1);
    assertThat(throttle.throttled()).isNotEmpty();
    now = now.plusSeconds(1);
    assertThat(throttle.throttled()).isEmpty();
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
    throttle.failed("jefe", A);
    assertThat(waitUntilAdmitted("jefe", A)).isEqualTo(1L);
  }

  @Test
  void onceDelayedAKeyLetsOneAttemptAtATimeThrough() {
    fail("jefe", A, 1);
    now = now.plusSeconds(1);
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
    Admission parallel = throttle.admit("jefe", A);
    assertThat(parallel.admitted()).isFalse();
    assertThat(parallel.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    throttle.released("jefe", A);
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
    // A clean account is not serialised: the right password may be used in parallel.
    assertThat(throttle.admit("usuario1", A).admitted()).isTrue();
    assertThat(throttle.admit("usuario1", A).admitted()).isTrue();
  }

  @Test
  void accountsAreComparedInLowerCase() {
    fail("Jefe", A, 1);
    assertThat(throttle.admit("JEFE", A).admitted()).isFalse();
  }

  @Test
  void repeatedFailuresAreReportedAtTheThirdAndEveryTenthWithTheirAddresses() {
    List<Integer> reportedAt = new ArrayList<>();
    RepeatedFailures last = null;
    for (int i = 1; i <= 30; i++) {
      now = now.plusSeconds(61);
      Optional<RepeatedFailures> report = throttle.failed("jefe", i % 3 == 0 ? B : A);
      if (report.isPresent()) {
        reportedAt.add(i);
        last = report.get();
      }
    }
    assertThat(reportedAt).containsExactly(3, 10, 20, 30);
    assertThat(last.account()).isEqualTo("jefe");
    assertThat(last.failures()).isEqualTo(30);
    assertThat(last.addresses()).containsEntry(A, 20).containsEntry(B, 10);
    assertThat(LoginFailureLog.addresses(last.addresses())).isEqualTo(A + " (20), " + B + " (10)");
  }

  @Test
  void anAdministratorLiftsByAddressByAccountOrBoth() {
    fail("jefe", A, 5);
    fail("tecnico", A, 8);  // the address: 13 failures, 4 s
    fail("jefe", B, 2);
    assertThat(throttle.throttled()).extracting(t -> t.account() + "@" + t.address())
        .containsExactlyInAnyOrder("jefe@" + A, "tecnico@" + A, "null@" + A, "jefe@" + B, "null@" + B);
    assertThat(throttle.lift("jefe", A)).isEqualTo(1);
    assertThat(throttle.admit("jefe", A).admitted()).isFalse();  // the address still waits
    assertThat(throttle.lift(null, A)).isEqualTo(2);
    assertThat(throttle.admit("jefe", A).admitted()).isTrue();
    assertThat(throttle.lift("JEFE", null)).isEqualTo(1);
    assertThat(throttle.throttled()).extracting(LoginThrottle.Throttled::account).containsOnlyNulls();
    assertThat(throttle.lift(null, null)).isZero();
  }

  @Test
  void theDelayFormula() {
    assertThat(LoginThrottle.delay(0, 0)).isZero();
    assertThat(LoginThrottle.delay(1, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(LoginThrottle.delay(6, 0)).isEqualTo(Duration.ofSeconds(32));
    assertThat(LoginThrottle.delay(7, 0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(LoginThrottle.delay(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(LoginThrottle.delay(10, 10)).isZero();
    assertThat(LoginThrottle.delay(11, 10)).isEqualTo(Duration.ofSeconds(1));
  }

  /** Fails {@code times} times, each as soon as allowed. */
  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      waitUntilAdmitted(account, address);
      throttle.failed(account, address);
    }
  }

  /** Moves the clock to the moment an attempt is admitted, and returns how many seconds that took. */
  private long waitUntilAdmitted(String account, String address) {
    Admission admission = throttle.admit(account, address);
    if (admission.admitted()) return 0;
    Duration wait = admission.retryAfter();
    now = now.plus(wait).minusMillis(1);
    assertThat(throttle.admit(account, address).admitted()).as("1 ms antes").isFalse();
    now = now.plusMillis(1);
    assertThat(throttle.admit(account, address).admitted()).isTrue();
    return wait.toSeconds();
  }
}
