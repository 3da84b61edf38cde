package co.edu.idep.mesa.crash;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.TicketRequests;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The load a crash test kills a node under: client threads that register tickets through
 * {@code POST /api/tickets} and others that complete "Verificar el tema del ticket" through
 * {@code /engine-rest} as the technician (claim, then submit), each on the node {@code nodeOf}
 * gives it, until {@link #stop()}. It keeps what each caller was told: the codes answered 201 and
 * the tasks whose completion was answered 204 are what must survive; a request that got no answer
 * (the node died under it) may have committed or not, but whole.
 */
final class CrashLoad {

  /** The topic review's task and the technician who completes it, as the process tests do. */
  static final String REVIEW_TASK = "Task_ReviewTopic";
  static final String TECHNICIAN = "tecnico";

  final Set<String> registered = ConcurrentHashMap.newKeySet();
  /** Every code answered 201, duplicates kept: two nodes must never hand out one code twice. */
  final Queue<String> registeredInOrder = new ConcurrentLinkedQueue<>();
  final Set<String> completed = ConcurrentHashMap.newKeySet();
  final AtomicInteger unanswered = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

  private final Queue<String> reviewTasks;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ExecutorService clients;
  private final CountDownLatch done;

  /**
   * Starts {@code registrars + completers} client threads at once; client {@code i} talks to
   * {@code nodeOf.apply(i)}. Completers take their tasks from {@code reviewTasks}.
   */
  CrashLoad(int registrars, int completers, Queue<String> reviewTasks, IntFunction<ApiClient> nodeOf) {
    this.reviewTasks = reviewTasks;
    this.clients = Executors.newFixedThreadPool(registrars + completers);
    this.done = new CountDownLatch(registrars + completers);
    for (int i = 0; i < registrars + completers; i++) {
      ApiClient api = nodeOf.apply(i);
      int client = i;
      boolean registrar = i < registrars;
      clients.submit(() -> {
        try {
          while (running.get()) {
            if (registrar) register(api, "usuario" + (1 + client % 2));
            else if (!complete(api)) sleep(50);
          }
        } finally {
          done.countDown();
        }
      });
    }
  }

  /** Stops the clients (each finishes its current request, or sees its node die) and waits for them. */
  void stop() throws InterruptedException {
    running.set(false);
    if (!done.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("clients still busy after 120 s");
    clients.shutdownNow();
  }

  /** Waits until {@code count} registrations were answered 201, or {@code seconds} passed. */
  void awaitRegistered(int count, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (registered.size() < count && System.nanoTime() < deadline) sleep(50);
  }

  List<String> unexpectedAnswers() {
    return new ArrayList<>(unexpected);
  }

  private void register(ApiClient api, String requester) {
    Reply reply = send(() -> api.post("/api/tickets", requester, TicketRequests.support()));
    if (reply == null) return;
    if (reply.status() == 201) {
      String code = reply.json().get("code").asText();
      registeredInOrder.add(code);
      registered.add(code);
    } else {
      answered(reply, "registration");
    }
  }

  /** One claim and submit; false when there was no task left to take. */
  private boolean complete(ApiClient api) {
    String taskId = reviewTasks.poll();
    if (taskId == null) return false;
    Reply claim = send(() -> api.post("/engine-rest/task/" + taskId + "/claim", TECHNICIAN, Map.of("userId", TECHNICIAN)));
    if (claim == null) return true;
    if (claim.status() != 204) {
      answered(claim, "claim");
      return true;
    }
    Reply submit = send(() -> api.submit(taskId, TECHNICIAN, Map.of("topicMatches", ApiClient.value(true, "Boolean"))));
    if (submit == null) return true;
    if (submit.status() == 204) completed.add(taskId);
    else answered(submit, "completion");
    return true;
  }

  /** A polite refusal (503 while the admission queue is full) is allowed; anything else is reported. */
  private void answered(Reply reply, String what) {
    if (reply.status() == 503 && reply.header("Retry-After").isPresent()) refused.incrementAndGet();
    else unexpected.add(what + ": " + reply.status() + " " + reply.body());
  }

  /** The reply, or null when none came: the connection broke or was refused (the node is dead). */
  private Reply send(java.util.function.Supplier<Reply> request) {
    try {
      return request.get();
    } catch (IllegalStateException noAnswer) {
      unanswered.incrementAndGet();
      if (running.get()) sleep(100);
      return null;
    }
  }

  static List<String> listOf(Queue<String> queue) {
    return Collections.unmodifiableList(new ArrayList<>(queue));
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
