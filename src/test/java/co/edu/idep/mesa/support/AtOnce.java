package co.edu.idep.mesa.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests sent at the same moment, one thread each: a burst of clients or a race of agents. */
public final class AtOnce {

  /** The request of client {@code index}. */
  public interface Call<T> {
    T send(int index) throws Exception;
  }

  private AtOnce() {
  }

  /** Sends {@code clients} calls together and waits up to {@code seconds} for each answer, in order. */
  public static <T> List<T> send(int clients, long seconds, Call<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int index = i;
        answers.add(pool.submit((Callable<T>) () -> {
          start.await();
          return call.send(index);
        }));
      }
      start.countDown();
      List<T> replies = new ArrayList<>();
      for (Future<T> answer : answers) replies.add(answer.get(seconds, TimeUnit.SECONDS));
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }
}
