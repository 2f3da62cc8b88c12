package org.cnnexplainer.viz;

import static org.cnnexplainer.viz.testing.Headless.onEdt;
import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** {@link ExplainerState#setInput}'s future and {@link ExplainerState#close()}. */
class ExplainerStateFutureTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(1, 28, 28, 6, 3);

  @Test
  void theFutureCompletesWithTheInstalledTraceOfThatInputOnTheEventThread() throws Exception {
    Tensor input = TestNetworks.image(NETWORK.inputShape(), 1);
    try (ExplainerState state = onEdt(ExplainerState::new)) {
      List<String> seen = new ArrayList<>();
      // Registered on the event thread, before the trace can arrive: runs where it completes.
      CompletableFuture<ActivationTrace> future =
          onEdt(
              () -> {
                state.setNetwork(NETWORK);
                return state
                    .setInput(input)
                    .thenApply(
                        t -> {
                          seen.add(
                              SwingUtilities.isEventDispatchThread()
                                  + " "
                                  + (state.trace().orElse(null) == t));
                          return t;
                        });
              });
      ActivationTrace trace = future.get(10, TimeUnit.SECONDS);
      assertSame(input, trace.input());
      assertEquals(List.of("true true"), seen, "on the EDT, already the state's trace");
    }
  }

  @Test
  void aSupersededFutureIsCancelledAndTheLastOneCompletes() throws Exception {
    Tensor first = TestNetworks.image(NETWORK.inputShape(), 1);
    Tensor second = TestNetworks.image(NETWORK.inputShape(), 2);
    try (ExplainerState state = onEdt(ExplainerState::new)) {
      List<CompletableFuture<ActivationTrace>> futures =
          onEdt(
              () -> {
                state.setNetwork(NETWORK);
                return List.of(state.setInput(first), state.setInput(second));
              });
      assertSame(second, futures.get(1).get(10, TimeUnit.SECONDS).input());
      assertTrue(futures.get(0).isCancelled());
    }
  }

  @Test
  void aNetworkChangeOrAnInstalledTraceCancelsThePendingFuture() throws Exception {
    List<Runnable> held = new ArrayList<>(); // jobs run only when the test says
    ExplainerState state = onEdt(() -> new ExplainerState(held::add));
    Tensor input = TestNetworks.image(NETWORK.inputShape(), 3);
    CompletableFuture<ActivationTrace> first =
        onEdt(
            () -> {
              state.setNetwork(NETWORK);
              return state.setInput(input);
            });
    runOnEdt(() -> state.setNetwork(NETWORK));
    assertTrue(first.isCancelled(), "a network change drops the pending trace");
    CompletableFuture<ActivationTrace> second = onEdt(() -> state.setInput(input));
    runOnEdt(() -> state.setTrace(NETWORK.trace(input)));
    assertTrue(second.isCancelled(), "an installed trace supersedes it");
    held.forEach(Runnable::run); // the old jobs finish late: nothing changes
    Headless.flushEdt();
    assertTrue(first.isCancelled() && second.isCancelled());
  }

  @Test
  void closeCancelsTheWorkEndsTheThreadAndRefusesNewInputs() throws Exception {
    Tensor input = TestNetworks.image(NETWORK.inputShape(), 1);
    ExplainerState state = onEdt(ExplainerState::new);
    CompletableFuture<ActivationTrace> future =
        onEdt(
            () -> {
              state.setNetwork(NETWORK);
              CompletableFuture<ActivationTrace> f = state.setInput(input);
              state.close();
              return f;
            });
    assertTrue(future.isCancelled());
    assertTrue(state.isClosed());
    IllegalStateException refused =
        onEdt(() -> assertThrows(IllegalStateException.class, () -> state.setInput(input)));
    assertEquals("this ExplainerState is closed", refused.getMessage());
    state.close(); // twice is fine
    for (int i = 0; i < 100 && traceThreadAlive(); i++) {
      Thread.sleep(20);
    }
    assertTrue(!traceThreadAlive(), "the state's own thread ended");
  }

  private static boolean traceThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("cnn-viz-trace") && t.isAlive());
  }
}
