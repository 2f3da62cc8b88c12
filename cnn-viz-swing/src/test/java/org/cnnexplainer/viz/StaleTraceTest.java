package org.cnnexplainer.viz;

import static org.cnnexplainer.viz.testing.Headless.onEdt;
import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stale-result rule with real threads: whenever no trace is pending, the state's trace is the
 * trace of the state's current input, and a trace of an older input is never installed, however
 * late it finishes.
 */
class StaleTraceTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(1, 28, 28, 6, 3);
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  /** Inputs whose trace was installed, in order, and every broken invariant. */
  private final List<Tensor> installed = new ArrayList<>();

  private final List<String> broken = new ArrayList<>();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private ExplainerState watched(ExplainerState state) {
    state.addListener(
        e -> {
          if (state.trace().isPresent()
              && (installed.isEmpty() || last() != state.trace().orElseThrow().input())) {
            installed.add(state.trace().orElseThrow().input());
          }
          if (!state.isTracing()
              && state.trace().isPresent()
              && state.trace().orElseThrow().input() != state.input().orElse(null)) {
            broken.add("no trace pending, but the trace is not the input's: " + e.changed());
          }
        });
    return state;
  }

  private Tensor last() {
    return installed.get(installed.size() - 1);
  }

  @Test
  void slowOlderTraceFinishingAfterTheNewerOneIsNeverShown() throws Exception {
    Tensor older = TestNetworks.image(NETWORK.inputShape(), 1);
    Tensor newer = TestNetworks.image(NETWORK.inputShape(), 2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch olderDone = new CountDownLatch(1);
    int[] submitted = {0};
    ExplainerState state =
        onEdt(
            () ->
                watched(
                    new ExplainerState(
                        job -> {
                          boolean first = submitted[0]++ == 0;
                          pool.execute(
                              () -> {
                                if (first) {
                                  await(release);
                                  job.run();
                                  olderDone.countDown();
                                } else {
                                  job.run();
                                }
                              });
                        })));
    runOnEdt(
        () -> {
          state.setNetwork(NETWORK);
          state.setInput(older);
          state.setInput(newer);
        });
    awaitNotTracing(state);
    runOnEdt(() -> assertSame(newer, state.trace().orElseThrow().input()));
    release.countDown(); // the older trace finishes only now
    assertTrue(olderDone.await(10, TimeUnit.SECONDS));
    Headless.flushEdt();
    Headless.flushEdt();
    runOnEdt(
        () -> {
          assertFalse(state.isTracing());
          assertSame(newer, state.input().orElseThrow());
          assertSame(newer, state.trace().orElseThrow().input());
        });
    assertEquals(List.of(newer), installed);
    assertEquals(List.of(), broken);
  }

  @Test
  void rapidSwitchingWithRandomDelaysOnlyEverMovesForward() throws Exception {
    Random random = new Random(7);
    List<Tensor> inputs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      inputs.add(TestNetworks.image(NETWORK.inputShape(), 100 + i));
    }
    ExplainerState state =
        onEdt(
            () ->
                watched(
                    new ExplainerState(
                        job -> {
                          int delay = random.nextInt(30);
                          pool.execute(
                              () -> {
                                sleep(delay);
                                job.run();
                              });
                        })));
    runOnEdt(() -> state.setNetwork(NETWORK));
    for (Tensor input : inputs) {
      runOnEdt(() -> state.setInput(input));
      sleep(random.nextInt(8));
    }
    awaitNotTracing(state);
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
    Headless.flushEdt();
    runOnEdt(() -> assertSame(inputs.get(inputs.size() - 1), state.trace().orElseThrow().input()));
    assertEquals(List.of(), broken);
    int previous = -1;
    for (Tensor t : installed) {
      int index = inputs.indexOf(t);
      assertTrue(index > previous, "a trace of an older input was installed after a newer one");
      previous = index;
    }
  }

  private static void awaitNotTracing(ExplainerState state) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (onEdt(state::isTracing)) {
      assertTrue(System.currentTimeMillis() < deadline, "the trace never arrived");
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(int ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
