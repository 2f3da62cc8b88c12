package org.cnnexplainer.demo.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.TfjsModel;

/**
 * The network of the model the application starts with, read on a background thread while the look
 * and feel and the window are set up (on a cold JVM both take a few hundred milliseconds), so the
 * first frame can show the overview. Reading errors are left to the normal load, which reports
 * them.
 */
final class EarlyNetwork {
  private final ModelSource source;
  private final CompletableFuture<Network> network;

  private EarlyNetwork(ModelSource source, CompletableFuture<Network> network) {
    this.source = source;
    this.network = network;
  }

  /**
   * Starts reading the model {@code start} would open: {@code model} when given, else the last one
   * used, else the bundled one; {@code null} when there is none to read.
   */
  static EarlyNetwork start(AppPreferences prefs, Path model) {
    Optional<ModelSource> source;
    try {
      source = AppController.startSource(prefs, model);
    } catch (IOException e) {
      return null; // the window reports it
    }
    if (source.isEmpty()) {
      return null;
    }
    ModelSource s = source.get();
    CompletableFuture<Network> network = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try {
                network.complete(TfjsModel.load(s.modelJson()));
              } catch (Exception | OutOfMemoryError e) {
                network.completeExceptionally(e);
              }
            },
            "cnn-demo-early-network");
    reader.setDaemon(true);
    reader.start();
    return new EarlyNetwork(s, network);
  }

  /** The network read early for {@code source} (waiting for it), if it is that one and read. */
  Optional<Network> take(ModelSource source) {
    if (!this.source.equals(source)) {
      return Optional.empty();
    }
    try {
      return Optional.of(network.join());
    } catch (CompletionException e) {
      return Optional.empty();
    }
  }
}
