package co.edu.idep.mesa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import com.zaxxer.hikari.HikariDataSource;

/** The admission rule alone: who is served, who waits, who is refused and how. */
class AdmissionControlFilterTest {

  final ExecutorService clients = Executors.newCachedThreadPool();
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    clients.shutdownNow();
  }

  /** Two served at once, one may wait 300 ms; the chain holds each request until released. */
  AdmissionControlFilter filter() {
    return new AdmissionControlFilter(new AdmissionProperties(2, 1, Duration.ofMillis(300), Duration.ofSeconds(7)),
        new com.fasterxml.jackson.databind.ObjectMapper());
  }

  Future<MockHttpServletResponse> send(AdmissionControlFilter filter, String path) {
    return clients.submit(() -> {
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(new MockHttpServletRequest("POST", path), response, (req, res) -> {
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        ((MockHttpServletResponse) res).setStatus(201);
      });
      return response;
    });
  }

  @Test
  void pastTheLimitAndTheQueueARequestIsRefusedAtOnceWith503AndRetryAfter() throws Exception {
    AdmissionControlFilter filter = filter();
    List<Future<MockHttpServletResponse>> served = new ArrayList<>();
    served.add(send(filter, "/api/tickets"));
    served.add(send(filter, "/api/tickets"));
    waitUntil(() -> filter.inUse() == 2);
    Future<MockHttpServletResponse> queued = send(filter, "/engine-rest/task");
    waitUntil(() -> filter.waiting() == 1);

    long start = System.nanoTime();
    MockHttpServletResponse refused = send(filter, "/camunda/api/engine/engine/default/task").get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(250));
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("7");
    assertThat(refused.getContentAsString()).contains("intente de nuevo en 7 segundos");

    release.countDown();
    for (Future<MockHttpServletResponse> r : served) assertThat(r.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    // The queued one was let in when a slot freed within its wait.
    assertThat(queued.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    assertThat(filter.inUse()).isZero();
  }

  @Test
  void aQueuedRequestWaitsAtMostMaxWaitThenIs503() throws Exception {
    AdmissionControlFilter filter = filter();
    send(filter, "/api/tickets");
    send(filter, "/api/tickets");
    waitUntil(() -> filter.inUse() == 2);
    long start = System.nanoTime();
    MockHttpServletResponse timedOut = send(filter, "/api/tickets").get(5, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(280), Duration.ofMillis(2000));
    assertThat(timedOut.getStatus()).isEqualTo(503);
    assertThat(timedOut.getHeader("Retry-After")).isEqualTo("7");
  }

  @Test
  void staticFilesAndTheHealthCheckAreNeverHeldBack() throws Exception {
    AdmissionControlFilter filter = filter();
    send(filter, "/api/tickets");
    send(filter, "/api/tickets");
    waitUntil(() -> filter.inUse() == 2);
    release.countDown();  // the chain answers at once from here on
    assertThat(send(filter, "/actuator/health").get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
    assertThat(send(filter, "/camunda/app/tasklist/index.html").get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
  }

  @Test
  void aPoolSmallerThanItsUsersIsRefusedAtStart() throws Exception {
    CamundaBpmProperties camunda = new CamundaBpmProperties();
    camunda.getJobExecution().setEnabled(true);
    camunda.getJobExecution().setMaxPoolSize(4);
    HikariDataSource pool = new HikariDataSource();
    pool.setMaximumPoolSize(15);
    AdmissionProperties limits = new AdmissionProperties(10, 10, Duration.ofSeconds(1), Duration.ofSeconds(1));
    assertThatThrownBy(() -> AdmissionConfiguration.checkPoolBudget(limits, pool, camunda))
        .hasMessageContaining("must be at least").hasMessageContaining("= 16");
    pool.setMaximumPoolSize(16);
    AdmissionConfiguration.checkPoolBudget(limits, pool, camunda);
  }

  static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("condition not reached");
      Thread.sleep(5);
    }
  }
}
