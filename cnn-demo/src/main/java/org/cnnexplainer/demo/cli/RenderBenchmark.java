package org.cnnexplainer.demo.cli;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.overview.OverviewBenchmark;

/**
 * The overview paint benchmark of {@code bench --render}: a full 1600 x 900 paint with a trace, and
 * a switch to another trace (heat-maps re-rendered), medians over {@link #RUNS} runs after {@link
 * #WARMUP} unmeasured ones.
 */
public final class RenderBenchmark {
  static final int WIDTH = 1600;
  static final int HEIGHT = 900;
  static final int WARMUP = 30;
  static final int RUNS = 60;

  private RenderBenchmark() {}

  /**
   * Measures {@code network}'s overview; the two traces are of {@code input} (or seeded random
   * pixels when null) and of other seeded random pixels.
   *
   * @return the medians; {@link OverviewBenchmark.Result#toJson()} gives {@code
   *     {"overviewPaintMedianMs", "traceSwitchMedianMs", "runs"}}
   */
  public static OverviewBenchmark.Result run(Network network, Tensor input) {
    System.setProperty("java.awt.headless", "true");
    Tensor first = input != null ? input : TraceBenchmark.randomInput(network.inputShape(), 42);
    Tensor second = TraceBenchmark.randomInput(network.inputShape(), 43);
    return OverviewBenchmark.run(
        network.trace(first), network.trace(second), WIDTH, HEIGHT, WARMUP, RUNS);
  }
}
