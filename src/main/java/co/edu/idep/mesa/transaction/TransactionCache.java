package co.edu.idep.mesa.transaction;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one step (one transaction) has read or written of a ticket's rows. Registering a ticket
 * writes its record and its service-level targets, and later in the same transaction the timers and
 * the notices read them back: the rows just written answer those reads without a query. Gone when
 * the transaction ends; outside a transaction nothing is kept.
 *
 * <p>A repository that writes a row either puts what a read would now return or forgets the key, so a
 * read never sees an older version than the step itself wrote. Keys are the repository's own, with
 * the ticket code after the last {@code ':'} (see {@link #forget}).
 */
public final class TransactionCache {

  private static final Object KEY = TransactionCache.class;

  private TransactionCache() {}

  /** The value read in this transaction under {@code key}, or the query's answer, kept for the next read. */
  @SuppressWarnings("unchecked")
  public static <T> T read(String key, Supplier<T> query) {
    Optional<Map<String, Object>> cache = current();
    if (cache.isEmpty()) return query.get();
    Object known = cache.get().get(key);
    if (known != null) return (T) known;
    T value = query.get();
    if (value != null) cache.get().put(key, value);
    return value;
  }

  /** What this transaction has read or written under {@code key}, if anything: no query. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> known(String key) {
    return current().map(cache -> (T) cache.get(key));
  }

  /** What a read of {@code key} returns for the rest of this transaction: what the step just wrote. */
  public static void put(String key, Object value) {
    current().ifPresent(cache -> cache.put(key, value));
  }

  /** Every key of the ticket {@code code}: a change the repository does not mirror makes them stale. */
  public static void forget(String code) {
    String suffix = ":" + code;
    current().ifPresent(cache -> cache.keySet().removeIf(key -> key.endsWith(suffix)));
  }

  private static Optional<Map<String, Object>> current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) return Optional.empty();
    @SuppressWarnings("unchecked")
    Map<String, Object> cache = (Map<String, Object>) TransactionSynchronizationManager.getResource(KEY);
    if (cache == null) {
      Map<String, Object> fresh = new HashMap<>();
      TransactionSynchronizationManager.bindResource(KEY, fresh);
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
          TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        }
      });
      cache = fresh;
    }
    return Optional.of(cache);
  }
}
