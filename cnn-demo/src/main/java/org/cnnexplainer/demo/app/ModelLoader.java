package org.cnnexplainer.demo.app;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.cli.ModelOption;

/**
 * Loads models and their examples on a background thread and hands the result to the event thread;
 * when the user asks for another model before one arrives, the older result is dropped.
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

  /**
   * Loads {@code source}; exactly one of the callbacks runs later on the event thread unless a
   * newer {@link #load} came first.
   */
  void load(ModelSource source, Consumer<Loaded> onLoaded, Consumer<Exception> onFailed) {
    long mine = generation.incrementAndGet();
    worker.execute(
        () -> {
          Loaded loaded = null;
          Exception failure = null;
          try {
            Network network = TfjsModel.load(source.modelJson());
            ModelOption.requireImageInput(network, source.modelJson());
            List<Example> examples = ExampleImages.of(source, network);
            ActivationTrace first =
                examples.isEmpty() ? null : network.trace(examples.get(0).input());
            loaded = new Loaded(source, network, examples, first);
          } catch (Exception | OutOfMemoryError e) {
            failure = e instanceof Exception ex ? ex : new Exception("out of memory", e);
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
}
