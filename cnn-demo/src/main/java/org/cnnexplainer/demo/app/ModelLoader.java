package org.cnnexplainer.demo.app;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.io.ImageModels;

/**
 * Loads models and their examples on a background thread and hands the result to the event thread
 * in two steps: the network first (so the window can show the overview's structure at once), then
 * the examples and the first example's trace. When the user asks for another model before one
 * arrives, the older results are dropped.
 */
final class ModelLoader {
  /**
   * A loaded model with its examples and the trace of the first example (computed here, so the
   * first overview needs no second trip to a background thread), or {@code null} without examples.
   */
  record Loaded(
      ModelSource source, Network network, List<Example> examples, ActivationTrace firstTrace) {}

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "cnn-demo-model-loader");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong generation = new AtomicLong();
  private CompletableFuture<Void> networkPosted = CompletableFuture.completedFuture(null);

  /**
   * Loads {@code source} (its network may have been read {@code early}, else {@code null}): {@code
   * onNetwork} runs on the event thread as soon as the network is read, then exactly one of {@code
   * onLoaded} and {@code onFailed}, unless a newer {@link #load} came first.
   */
  void load(
      ModelSource source,
      EarlyNetwork early,
      Consumer<Network> onNetwork,
      Consumer<Loaded> onLoaded,
      Consumer<Exception> onFailed) {
    long mine = generation.incrementAndGet();
    CompletableFuture<Void> posted = new CompletableFuture<>();
    networkPosted = posted;
    worker.execute(
        () -> {
          Loaded loaded = null;
          Exception failure = null;
          try {
            Network network =
                early == null
                    ? TfjsModel.load(source.modelJson())
                    : early.take(source).orElse(null);
            if (network == null) { // reading early failed: read again, for its message
              network = TfjsModel.load(source.modelJson());
            }
            ImageModels.requireImageInput(network, source.modelJson());
            PaintTimer.mark("network read");
            Network read = network;
            SwingUtilities.invokeLater(
                () -> {
                  if (generation.get() == mine) {
                    onNetwork.accept(read);
                  }
                });
            posted.complete(null); // after posting: whoever waits finds the network queued
            List<Example> examples = ExampleImages.of(source, network);
            ActivationTrace first =
                examples.isEmpty() ? null : network.trace(examples.get(0).input());
            loaded = new Loaded(source, network, examples, first);
          } catch (Exception | OutOfMemoryError e) {
            failure = e instanceof Exception ex ? ex : new Exception("out of memory", e);
          } finally {
            posted.complete(null);
          }
          Loaded result = loaded;
          Exception error = failure;
          SwingUtilities.invokeLater(
              () -> {
                if (generation.get() != mine) {
                  return;
                }
                if (result != null) {
                  onLoaded.accept(result);
                } else {
                  onFailed.accept(error);
                }
              });
        });
  }

  /**
   * Waits up to {@code millis} until the network of the last {@link #load} is queued for the event
   * thread (or loading failed): called before the window first shows, so its first frame can draw
   * the overview's structure.
   */
  void awaitNetwork(long millis) {
    try {
      networkPosted.get(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // slower than that, or failed: the window shows first and the structure follows
    }
  }
}
