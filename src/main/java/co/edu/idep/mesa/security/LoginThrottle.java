package co.edu.idep.mesa.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The login throttle's rule, in memory. Failed passwords are counted per client address and per
 * account together with the address; neither is ever counted per account alone, so what a stranger
 * does from his address never keeps the account's owner out from hers.
 *
 * <ul>
 *   <li>Account and address: after the n-th failure, the next attempt waits 1 s × 2^(n-1), at most
 *       60 s (1, 2, 4, 8, 16, 32, 60, 60 … s). A success clears the count.
 *   <li>The address as a whole: its first {@value #ADDRESS_ALLOWANCE} failures (on any accounts)
 *       are free; after the (10+n)-th the next attempt waits the same 1 s × 2^(n-1), at most 60 s.
 *       Successes do not clear it: a flood against many accounts slows as a whole.
 *   <li>A count is forgotten {@link #QUIET_PERIOD} after its last failure. Nothing locks for good.
 *   <li>While a count is in its delay, an attempt is refused without checking the password; once
 *       delayed, a count lets one attempt at a time through, so parallel requests cannot guess
 *       in bursts.
 * </ul>
 *
 * Every admitted attempt ends with exactly one of {@link #succeeded}, {@link #failed} or
 * {@link #released}. The clock is a parameter (Camunda's {@code ClockUtil} in the application).
 * Accounts are compared in lower case, so that "Jefe" and "jefe" share their counts.
 */
public class LoginThrottle {

  static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofSeconds(60);
  static final int ADDRESS_ALLOWANCE = 10;
  static final Duration QUIET_PERIOD = Duration.ofMinutes(15);
  /** Per-account tallies for the audit trail are kept longer: slow guessing shows up too. */
  static final Duration TALLY_PERIOD = Duration.ofDays(1);
  /** Bounds the memory an attacker can make the throttle use. */
  static final int MAX_KEYS = 100_000;
  static final int MAX_TALLIES = 10_000;
  static final int MAX_ADDRESSES_PER_TALLY = 20;
  static final int MAX_ACCOUNT_LENGTH = 128;

  /** A count: of an account at an address, or of the address as a whole ({@code account} null). */
  public record Key(String account, String address) {
    int allowance() {
      return account == null ? ADDRESS_ALLOWANCE : 0;
    }
  }

  /** What the administrator sees: a count, and until when it refuses attempts. */
  public record Throttled(String account, String address, int failures, Instant blockedUntil) {}

  /** Either admitted ({@code retryAfter} zero) or refused for {@code retryAfter}. */
  public record Admission(Duration retryAfter) {
    static final Admission ADMITTED = new Admission(Duration.ZERO);

    public boolean admitted() {
      return retryAfter.isZero();
    }
  }

  /** Repeated failures against one account, to be written to the audit trail. */
  public record RepeatedFailures(String account, int failures, Map<String, Integer> addresses, Instant at) {}

  private static final class Count {
    int failures;
    Instant lastFailure;
    Instant blockedUntil;
    boolean inFlight;
  }

  private static final class Tally {
    int failures;
    Instant lastFailure;
    final Map<String, Integer> addresses = new LinkedHashMap<>();
  }

  private final Supplier<Instant> clock;
  private final Cache<Key, Count> counts =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(QUIET_PERIOD.plus(MAX_DELAY)).build();
  private final Cache<String, Tally> tallies =
      Caffeine.newBuilder().maximumSize(MAX_TALLIES).expireAfterAccess(TALLY_PERIOD).build();

  public LoginThrottle(Supplier<Instant> clock) {
    this.clock = clock;
  }

  /** The delay after a key's {@code failures}: none within its allowance, then doubling up to the maximum. */
  static Duration delay(int failures, int allowance) {
    int beyond = failures - allowance;
    if (beyond <= 0) return Duration.ZERO;
    Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(beyond - 1, 20));
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  /** May a password for {@code account} be checked now, coming from {@code address}? */
  public synchronized Admission admit(String account, String address) {
    Instant now = clock.get();
    List<Key> keys = keys(account, address);
    Duration wait = Duration.ZERO;
    for (Key key : keys) {
      Count count = live(key, now);
      if (count == null) continue;
      if (now.isBefore(count.blockedUntil)) {
        wait = max(wait, Duration.between(now, count.blockedUntil));
      } else if (count.inFlight && count.failures > key.allowance()) {
        wait = max(wait, FIRST_DELAY);
      }
    }
    if (!wait.isZero()) return new Admission(wait);
    for (Key key : keys) {
      Count count = live(key, now);
      if (count != null && count.failures > key.allowance()) count.inFlight = true;
    }
    return Admission.ADMITTED;
  }

  /** The password was right: the account's count at this address starts again. */
  public synchronized void succeeded(String account, String address) {
    Key own = new Key(normalize(account), address);
    counts.invalidate(own);
    release(new Key(null, address));
  }

  /** The attempt ended without a password being judged (an error): it counts for nothing. */
  public synchronized void released(String account, String address) {
    keys(account, address).forEach(this::release);
  }

  /**
   * The password was wrong: both counts grow and delay the next attempt. Returns the account's
   * tally when it is due in the audit trail: at its 3rd failure, then at every 10th.
   */
  public synchronized Optional<RepeatedFailures> failed(String account, String address) {
    Instant now = clock.get();
    for (Key key : keys(account, address)) {
      Count count = live(key, now);
      if (count == null) {
        count = new Count();
        counts.put(key, count);
      }
      count.failures++;
      count.lastFailure = now;
      count.blockedUntil = now.plus(delay(count.failures, key.allowance()));
      count.inFlight = false;
    }
    return tally(normalize(account), address, now);
  }

  private Optional<RepeatedFailures> tally(String account, String address, Instant now) {
    Tally tally = tallies.getIfPresent(account);
    if (tally == null || !now.isBefore(tally.lastFailure.plus(TALLY_PERIOD))) {
      tally = new Tally();
      tallies.put(account, tally);
    }
    tally.failures++;
    tally.lastFailure = now;
    if (tally.addresses.containsKey(address) || tally.addresses.size() < MAX_ADDRESSES_PER_TALLY) {
      tally.addresses.merge(address, 1, Integer::sum);
    }
    boolean due = tally.failures == 3 || tally.failures % 10 == 0;
    return due ? Optional.of(new RepeatedFailures(account, tally.failures,
        Collections.unmodifiableMap(new LinkedHashMap<>(tally.addresses)), now)) : Optional.empty();
  }

  /** Every count still remembered, the longest blocked first. */
  public synchronized List<Throttled> throttled() {
    Instant now = clock.get();
    return counts.asMap().entrySet().stream()
        .filter(e -> !forgotten(e.getValue(), now))
        .map(e -> new Throttled(e.getKey().account(), e.getKey().address(), e.getValue().failures,
            e.getValue().blockedUntil))
        .sorted(Comparator.comparing(Throttled::blockedUntil).reversed())
        .toList();
  }

  /**
   * Lifts counts: with an address and an account, that account's count at that address; with an
   * address alone, the address's and every account's count there; with an account alone, that
   * account's counts at every address. Returns how many were lifted.
   */
  public synchronized int lift(String account, String address) {
    String wanted = account == null ? null : normalize(account);
    List<Key> lifted = counts.asMap().keySet().stream()
        .filter(k -> address == null || address.equals(k.address()))
        .filter(k -> wanted == null ? address != null : wanted.equals(k.account()))
        .toList();
    counts.invalidateAll(lifted);
    return lifted.size();
  }

  private List<Key> keys(String account, String address) {
    return List.of(new Key(normalize(account), address), new Key(null, address));
  }

  private void release(Key key) {
    Count count = counts.getIfPresent(key);
    if (count != null) count.inFlight = false;
  }

  private Count live(Key key, Instant now) {
    Count count = counts.getIfPresent(key);
    if (count != null && forgotten(count, now)) {
      counts.invalidate(key);
      return null;
    }
    return count;
  }

  private static boolean forgotten(Count count, Instant now) {
    return !now.isBefore(count.lastFailure.plus(QUIET_PERIOD));
  }

  /** Accounts in lower case and of bounded length; a missing name is the empty one. */
  static String normalize(String account) {
    if (account == null) return "";
    String lower = account.toLowerCase(Locale.ROOT);
    return lower.length() > MAX_ACCOUNT_LENGTH ? lower.substring(0, MAX_ACCOUNT_LENGTH) : lower;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
