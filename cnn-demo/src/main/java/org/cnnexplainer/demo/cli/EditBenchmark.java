package org.cnnexplainer.demo.cli;

import java.util.Locale;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.NetworkEdit;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.viz.overview.OverviewBenchmark;

/**
 * {@code bench --edit}: the latency from a weight edit to the repainted overview, as the app runs
 * it after a "silence channel" click or a kernel weight dragged in a convolution view: the edit
 * applied (a new network), the edited network's trace of the same input, and the overview's switch
 * to that trace (a 1600 x 900 repaint with re-rendered heat-maps; also in difference mode, where
 * the switch computes and colours every layer's difference from the unedited trace). The silence
 * edit zeroes, in turn, each channel of the first Conv2D (or Dense) layer; the weight edit sets, in
 * turn, each weight of its first filter's kernel. Medians on one thread.
 */
final class EditBenchmark {
  /** Medians in milliseconds; {@code updateMedianMs} is the sum of the three parts. */
  record Result(
      String layer,
      double applyMedianMs,
      double traceMedianMs,
      double overviewSwitchMedianMs,
      int samples,
      double weightApplyMedianMs,
      double differenceSwitchMedianMs) {
    double updateMedianMs() {
      return applyMedianMs + traceMedianMs + overviewSwitchMedianMs;
    }

    /** A weight edit with the overview in difference mode. */
    double weightDifferenceMedianMs() {
      return weightApplyMedianMs + traceMedianMs + differenceSwitchMedianMs;
    }

    String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"editApplyMedianMs\": %.3f, \"editTraceMedianMs\": %.3f,"
              + " \"editOverviewSwitchMedianMs\": %.3f, \"editUpdateMedianMs\": %.3f,"
              + " \"samples\": %d, \"weightEditApplyMedianMs\": %.3f,"
              + " \"differenceSwitchMedianMs\": %.3f, \"weightEditDifferenceUpdateMedianMs\":"
              + " %.3f}",
          applyMedianMs,
          traceMedianMs,
          overviewSwitchMedianMs,
          updateMedianMs(),
          samples,
          weightApplyMedianMs,
          differenceSwitchMedianMs,
          weightDifferenceMedianMs());
    }

    String toText() {
      return String.format(
              Locale.ROOT,
              "edit to repainted overview: %.2f ms (median: silence a channel of %s %.3f ms, trace"
                  + " %.3f ms, overview switch 1600x900 %.2f ms; %d runs)",
              updateMedianMs(),
              TerminalText.escape(layer),
              applyMedianMs,
              traceMedianMs,
              overviewSwitchMedianMs,
              samples)
          + String.format(
              Locale.ROOT,
              "%nweight edit to repainted overview in difference mode: %.2f ms (median: set a"
                  + " kernel weight %.3f ms, trace %.3f ms, overview switch with differences"
                  + " 1600x900 %.2f ms)",
              weightDifferenceMedianMs(),
              weightApplyMedianMs,
              traceMedianMs,
              differenceSwitchMedianMs);
    }
  }

  private EditBenchmark() {}

  /** The first layer with channels to silence, or null. */
  static Layer editable(Network network) {
    return network.layers().stream()
        .filter(l -> l instanceof Conv2D || l instanceof Dense)
        .findFirst()
        .orElse(null);
  }

  static Result run(
      Network network, Tensor input, double warmupSeconds, int samples, double maxSeconds) {
    System.setProperty("java.awt.headless", "true");
    Layer layer = editable(network);
    int channels = layer instanceof Conv2D conv ? conv.filters() : ((Dense) layer).units();
    int[] next = {0};
    Network[] edited = {network};
    long[] apply =
        TraceBenchmark.time(
            () -> {
              edited[0] =
                  NetworkEdit.zeroChannel(layer.name(), next[0]++ % channels).applyTo(network);
              return edited[0].layers().size();
            },
            warmupSeconds,
            samples,
            maxSeconds);
    int[] shape = layer.parameters().get("kernel").shape().toArray();
    int weights = shape.length == 4 ? shape[1] * shape[2] * shape[3] : shape[0];
    int[] weight = {0};
    long[] setWeight =
        TraceBenchmark.time(
            () -> {
              int w = weight[0]++ % weights;
              int[] at =
                  shape.length == 4
                      ? new int[] {
                        0, w / (shape[2] * shape[3]), w / shape[3] % shape[2], w % shape[3]
                      }
                      : new int[] {w, 0};
              edited[0] = NetworkEdit.setWeight(layer.name(), "kernel", at, 0.5f).applyTo(network);
              return edited[0].layers().size();
            },
            warmupSeconds,
            samples,
            maxSeconds);
    Network silenced = NetworkEdit.zeroChannel(layer.name(), 0).applyTo(network);
    long[] trace =
        TraceBenchmark.time(
            () -> silenced.trace(input).predicted().index(), warmupSeconds, samples, maxSeconds);
    // The overview's benchmark switches between two traces of one network: the edited network's
    // traces of two inputs cost what the switch from the original's trace costs (every heat-map
    // rendered again from the new trace).
    ActivationTrace first = silenced.trace(input);
    ActivationTrace second = silenced.trace(TraceBenchmark.randomInput(network.inputShape(), 43));
    OverviewBenchmark.Result overview =
        OverviewBenchmark.run(
            first,
            second,
            RenderBenchmark.WIDTH,
            RenderBenchmark.HEIGHT,
            RenderBenchmark.WARMUP,
            RenderBenchmark.RUNS);
    // Difference mode: the same switches, each also computing the differences from a trace of
    // the unedited network (what the app's reference is while edits are in force).
    OverviewBenchmark.Result difference =
        OverviewBenchmark.runDifference(
            first,
            second,
            network.trace(input),
            RenderBenchmark.WIDTH,
            RenderBenchmark.HEIGHT,
            RenderBenchmark.WARMUP,
            RenderBenchmark.RUNS);
    return new Result(
        layer.name(),
        TraceBenchmark.percentile(apply, 0.5) / 1e6,
        TraceBenchmark.percentile(trace, 0.5) / 1e6,
        overview.traceSwitchMedianMs(),
        apply.length,
        TraceBenchmark.percentile(setWeight, 0.5) / 1e6,
        difference.traceSwitchMedianMs());
  }
}
