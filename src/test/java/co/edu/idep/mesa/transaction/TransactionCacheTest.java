package co.edu.idep.mesa.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** What one transaction read or wrote answers its next reads, and nothing outlives it. */
class TransactionCacheTest {

  private final AtomicInteger queries = new AtomicInteger();

  @AfterEach
  void endTransaction() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(), 0);
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  private String query() {
    return "leído " + queries.incrementAndGet();
  }

  @Test
  void outsideATransactionEveryReadQueries() {
    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("leído 1");
    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("leído 2");
    TransactionCache.put("ticket:MDS-2026-000001", "escrito");
    assertThat(TransactionCache.known("ticket:MDS-2026-000001")).isEmpty();
  }

  @Test
  void inATransactionTheFirstReadAnswersTheNextOnes() {
    TransactionSynchronizationManager.initSynchronization();
    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("leído 1");
    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("leído 1");
    assertThat(TransactionCache.read("ticket:MDS-2026-000002", this::query)).isEqualTo("leído 2");
  }

  @Test
  void whatTheStepWroteIsWhatItReadsAndAChangeItDoesNotMirrorForgetsTheTicket() {
    TransactionSynchronizationManager.initSynchronization();
    TransactionCache.put("ticket:MDS-2026-000001", "escrito");
    TransactionCache.put("service-level:RESOLUTION:MDS-2026-000001", "meta");
    TransactionCache.put("ticket:MDS-2026-000011", "otro ticket");
    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("escrito");

    TransactionCache.forget("MDS-2026-000001");

    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("leído 1");
    assertThat(TransactionCache.known("service-level:RESOLUTION:MDS-2026-000001")).isEmpty();
    // Another ticket keeps its entries.
    assertThat(TransactionCache.read("ticket:MDS-2026-000011", this::query)).isEqualTo("otro ticket");
  }

  @Test
  void nothingOutlivesTheTransaction() {
    TransactionSynchronizationManager.initSynchronization();
    TransactionCache.put("ticket:MDS-2026-000001", "escrito");
    endTransaction();

    TransactionSynchronizationManager.initSynchronization();
    assertThat(TransactionCache.read("ticket:MDS-2026-000001", this::query)).isEqualTo("leído 1");
  }
}
