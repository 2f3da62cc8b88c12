package org.cnnexplainer.viz.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The rule: only the newest request's outcome is delivered, whatever order jobs finish in. */
class LatestOnlyTest {
  /** Runs queued jobs only when told, in any order. */
  private static final class ManualExecutor implements Executor {
    final Deque<Runnable> jobs = new ArrayDeque<>();

    @Override
    public void execute(Runnable job) {
      jobs.add(job);
    }

    void runLast() {
      jobs.removeLast().run();
    }

    void runFirst() {
      jobs.removeFirst().run();
    }
  }

  private final ManualExecutor background = new ManualExecutor();
  private final List<String> delivered = new ArrayList<>();
  private final LatestOnly<String> latest = new LatestOnly<>(background, Runnable::run);

  @Test
  void olderResultFinishingLastIsDiscarded() {
    latest.submit(() -> "first", delivered::add, e -> delivered.add("failed"));
    latest.submit(() -> "second", delivered::add, e -> delivered.add("failed"));
    background.runLast(); // the second finishes first
    background.runFirst(); // the first finishes late
    assertEquals(List.of("second"), delivered);
  }

  @Test
  void olderResultFinishingFirstIsDiscardedToo() {
    latest.submit(() -> "first", delivered::add, e -> delivered.add("failed"));
    latest.submit(() -> "second", delivered::add, e -> delivered.add("failed"));
    background.runFirst();
    background.runFirst();
    assertEquals(List.of("second"), delivered);
  }

  @Test
  void failuresFollowTheSameRule() {
    latest.submit(
        () -> {
          throw new IllegalStateException("old");
        },
        delivered::add,
        e -> delivered.add("failed: " + e.getMessage()));
    latest.submit(
        () -> {
          throw new IllegalStateException("new");
        },
        delivered::add,
        e -> delivered.add("failed: " + e.getMessage()));
    background.runFirst();
    background.runFirst();
    assertEquals(List.of("failed: new"), delivered);
  }

  @Test
  void cancelDiscardsEverythingPending() {
    long id = latest.submit(() -> "x", delivered::add, e -> delivered.add("failed"));
    assertTrue(latest.isNewest(id));
    latest.cancel();
    background.runFirst();
    assertEquals(List.of(), delivered);
  }

  @Test
  void requestMadeAfterAResultWasQueuedForDeliveryStillWins() {
    ManualExecutor delivery = new ManualExecutor();
    LatestOnly<String> queued = new LatestOnly<>(background, delivery);
    queued.submit(() -> "first", delivered::add, e -> delivered.add("failed"));
    background.runFirst(); // result waits on the delivery thread
    queued.submit(() -> "second", delivered::add, e -> delivered.add("failed"));
    delivery.runFirst();
    background.runFirst();
    delivery.runFirst();
    assertEquals(List.of("second"), delivered);
  }

  @Test
  void slowOlderJobOnAnotherThreadFinishingAfterTheNewerIsDiscarded() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    ExecutorService deliveryThread = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch newerDelivered = new CountDownLatch(1);
      List<String> seen = new CopyOnWriteArrayList<>();
      LatestOnly<String> real = new LatestOnly<>(threads, deliveryThread);
      real.submit(
          () -> {
            release.await(10, TimeUnit.SECONDS);
            return "older";
          },
          seen::add,
          e -> seen.add("failed"));
      real.submit(
          () -> "newer",
          r -> {
            seen.add(r);
            newerDelivered.countDown();
          },
          e -> seen.add("failed"));
      assertTrue(newerDelivered.await(10, TimeUnit.SECONDS));
      release.countDown();
      threads.shutdown();
      assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
      deliveryThread.shutdown();
      assertTrue(deliveryThread.awaitTermination(10, TimeUnit.SECONDS));
      assertEquals(List.of("newer"), seen);
    } finally {
      threads.shutdownNow();
      deliveryThread.shutdownNow();
    }
  }
}
