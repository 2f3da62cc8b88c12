package org.cnnexplainer.demo.cli;

import java.nio.file.Path;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.InvalidModelException;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.viz.overview.OverviewImages;

/**
 * The command line's limits, each derived from what it costs (the README's "Limits" section lists
 * them with the model and image limits of cnn-core). Options beyond them exit with code 2 before
 * any work; models and data whose cost does not fit exit with code 3.
 */
public final class Limits {
  /**
   * Worker threads: at most four per core. More only add scheduling overhead (the work is CPU
   * bound), and a hundred thousand threads would starve the machine.
   */
  public static int maxThreads() {
    return Runtime.getRuntime().availableProcessors() * 4;
  }

  /** Timed traces of {@code bench}: 1,000,000 timings take 8 MB. */
  public static final int MAX_BENCH_SAMPLES = 1_000_000;

  /** Most fresh JVMs {@code bench --jvm-runs} starts. */
  public static final int MAX_BENCH_JVM_RUNS = 100;

  /**
   * {@code bench} stops timing traces after this many seconds even when fewer than {@code
   * --samples} ran, so a model near the multiply-add limit cannot keep it busy for days.
   */
  public static final double BENCH_SAMPLING_SECONDS = 60;

  /** Longest {@code --warmup}, {@code --throughput-seconds} and {@code --train-seconds}. */
  public static final double MAX_PHASE_SECONDS = 600;

  /**
   * Largest {@code train --image-size}: a 1024 x 1024 RGB image is 3 MiB in memory, and Tiny VGG's
   * first convolution of 10 filters already outputs 10 million values per image.
   */
  public static final int MAX_TRAIN_IMAGE_SIZE = 1024;

  /** Smallest {@code train --image-size}: Tiny VGG's two blocks need 16 x 16 pixels. */
  public static final int MIN_TRAIN_IMAGE_SIZE = 16;

  /** Most filters per convolution for {@code train} (VGG16's widest layer has 512). */
  public static final int MAX_FILTERS = 512;

  /** Most epochs and batch size for {@code train}. */
  public static final int MAX_EPOCHS = 100_000;

  public static final int MAX_BATCH = 1 << 16;

  /**
   * Largest picture {@code render} paints: 2<sup>25</sup> pixels (128 MiB), e.g. 8192 x 4096. A
   * 16384 x 16384 picture would need 1 GiB.
   */
  public static final long MAX_PICTURE_PIXELS = OverviewImages.MAX_PIXELS;

  private Limits() {}

  /**
   * Refuses a model whose trace (the input and every layer's output, as floats) would not fit in
   * what this JVM can still allocate, naming the model file; a clear message instead of an
   * OutOfMemoryError.
   */
  public static void requireTraceFits(Network network, Path model) throws InvalidModelException {
    requireMemory(model, 4 * traceValues(network), "tracing an image needs ");
  }

  /**
   * Refuses a model whose trace and gradients (twice the trace's values, as floats) would not fit
   * in what this JVM can still allocate, naming the model file.
   */
  public static void requireGradientsFit(Network network, Path model) throws InvalidModelException {
    requireMemory(model, 8 * traceValues(network), "a trace and its gradients need ");
  }

  /**
   * Refuses a model whose trace and gradients, plus {@code keptInputs} input-sized arrays an
   * attribution keeps (integrated gradients keeps one per step), would not fit.
   */
  public static void requireAttributionFits(Network network, Path model, int keptInputs)
      throws InvalidModelException {
    requireMemory(
        model,
        8 * traceValues(network) + 4L * keptInputs * network.inputShape().size(),
        "an attribution needs ");
  }

  private static void requireMemory(Path model, long bytes, String what)
      throws InvalidModelException {
    long available = availableMemory();
    if (bytes > available) {
      throw new InvalidModelException(
          TerminalText.escape(model)
              + ": "
              + what
              + mebibytes(bytes)
              + " MiB, more than the "
              + mebibytes(available)
              + " MiB this Java can still use (start java with a larger -Xmx)");
    }
  }

  /** The input and every layer's output, in values. */
  static long traceValues(Network network) {
    long values = network.inputShape().size();
    for (int i = 0; i < network.layers().size(); i++) {
      values += network.outputShape(i).size();
    }
    return values;
  }

  /**
   * What a model written by {@code train} must meet to be read back: the same limits the TF.js
   * reader checks.
   *
   * @return null when it fits, else what does not
   */
  static String loadLimitProblem(Network network) {
    if (network.parameterCount() > TfjsModel.MAX_WEIGHT_VALUES) {
      return network.parameterCount()
          + " weights, more than a model may hold ("
          + TfjsModel.MAX_WEIGHT_VALUES
          + ")";
    }
    for (int i = 0; i < network.layers().size(); i++) {
      if (network.outputShape(i).size() > TfjsModel.MAX_ACTIVATION_VALUES) {
        return "a layer output of "
            + network.outputShape(i).size()
            + " values, more than a model may have ("
            + TfjsModel.MAX_ACTIVATION_VALUES
            + ")";
      }
    }
    if (traceValues(network) > TfjsModel.MAX_TRACE_VALUES) {
      return traceValues(network)
          + " values in a trace, more than a model may have ("
          + TfjsModel.MAX_TRACE_VALUES
          + ")";
    }
    if (network.multiplyAdds() > TfjsModel.MAX_MULTIPLY_ADDS) {
      return network.multiplyAdds()
          + " multiply-adds per image, more than a model may need ("
          + TfjsModel.MAX_MULTIPLY_ADDS
          + ")";
    }
    return null;
  }

  /** Bytes this JVM can still allocate (the maximum heap minus what is in use). */
  static long availableMemory() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  static long mebibytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
