package co.edu.idep.mesa.cluster;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.TicketRequests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Ticket registrations through {@code POST /api/tickets}, sent by {@code clients} concurrent
 * clients, request {@code i} to node {@code i % nodes}: a balancer's round robin. A client that is
 * answered 503 waits what {@code Retry-After} says and sends the same request again, as a polite
 * client does; anything else but 201 fails the run.
 */
final class Registrations {

  /** What a run did: the codes handed out, in no order; 503s retried; 201s per node; wall time. */
  record Outcome(List<String> codes, int refused, int[] perNode, long wallNanos) {
    double perSecond() {
      return codes.size() / (wallNanos / 1e9);
    }
  }

  private Registrations() {}

  static Outcome send(List<ClusterNode> nodes, int total, int clients) throws Exception {
    List<String> codes = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicIntegerArray perNode = new AtomicIntegerArray(nodes.size());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(pool.submit(() -> {
          List<ApiClient> apis = nodes.stream().map(ClusterNode::api).toList();
          for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
            int node = i % nodes.size();
            codes.add(register(apis.get(node), "usuario" + (1 + i % 2), refused));
            perNode.incrementAndGet(node);
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) worker.get(10, TimeUnit.MINUTES);
    } finally {
      pool.shutdownNow();
    }
    int[] counts = new int[nodes.size()];
    for (int n = 0; n < counts.length; n++) counts[n] = perNode.get(n);
    return new Outcome(List.copyOf(codes), refused.get(), counts, System.nanoTime() - start);
  }

  private static String register(ApiClient api, String user, AtomicInteger refused) throws InterruptedException {
    Map<String, Object> body = TicketRequests.support();
    for (int attempt = 1; ; attempt++) {
      Reply reply = api.post("/api/tickets", user, body);
      if (reply.status() == 201) return reply.json().get("code").asText();
      if (reply.status() != 503 || attempt == 20) {
        throw new AssertionError("Registration answered " + reply.status() + ": " + reply.body());
      }
      refused.incrementAndGet();
      long wait = reply.header("Retry-After").map(Long::parseLong).orElse(1L);
      Thread.sleep(TimeUnit.SECONDS.toMillis(wait));
    }
  }
}
