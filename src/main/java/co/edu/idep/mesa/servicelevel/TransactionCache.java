package co.edu.idep.mesa.servicelevel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one step (one transaction) has read or written of a ticket's service levels. Registering a
 * ticket starts its targets and, in the same transaction, sets the timers that read them back: the
 * rows just written answer those reads without a query. Gone when the transaction ends; outside a
 * transaction nothing is kept.
 */
final class TransactionCache {

  private static final Object KEY = TransactionCache.class;

  private TransactionCache() {}

  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) return Optional.empty();
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

  @SuppressWarnings("unchecked")
  static <T> T read(String key, Supplier<T> query) {
    Optional<Map<String, Object>> cache = current();
    if (cache.isEmpty()) return query.get();
    return (T) cache.get().computeIfAbsent(key, k -> query.get());
  }
}
