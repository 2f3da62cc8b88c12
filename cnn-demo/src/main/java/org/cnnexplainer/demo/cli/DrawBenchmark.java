package org.cnnexplainer.demo.cli;

import java.awt.geom.Point2D;
import java.util.Locale;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.draw.DrawingPad;
import org.cnnexplainer.viz.overview.OverviewBenchmark;

/**
 * {@code bench --draw}: the cost of one update of the drawing pad, as the app runs it at each
 * pointer movement: a short pen stroke drawn and converted to the input ({@link DrawingPad}), the
 * traced forward pass of that input, and the overview's switch to the new trace (a 1600 x 900
 * repaint with re-rendered heat-maps). Medians on one thread.
 */
final class DrawBenchmark {
  /**
   * Medians in milliseconds; {@code updateMedianMs} is the sum of the three parts, each measured
   * alone.
   */
  record Result(
      double strokeMedianMs, double traceMedianMs, double overviewSwitchMedianMs, int samples) {
    double updateMedianMs() {
      return strokeMedianMs + traceMedianMs + overviewSwitchMedianMs;
    }

    String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"drawStrokeMedianMs\": %.3f, \"drawTraceMedianMs\": %.3f,"
              + " \"drawOverviewSwitchMedianMs\": %.3f, \"drawUpdateMedianMs\": %.3f,"
              + " \"samples\": %d}",
          strokeMedianMs,
          traceMedianMs,
          overviewSwitchMedianMs,
          updateMedianMs(),
          samples);
    }

    String toText() {
      return String.format(
          Locale.ROOT,
          "drawing pad update: %.2f ms (median stroke + input %.3f ms, trace %.3f ms, overview"
              + " switch 1600x900 %.2f ms; %d runs)",
          updateMedianMs(),
          strokeMedianMs,
          traceMedianMs,
          overviewSwitchMedianMs,
          samples);
    }
  }

  private DrawBenchmark() {}

  static Result run(Network network, double warmupSeconds, int samples, double maxSeconds) {
    System.setProperty("java.awt.headless", "true");
    DrawingPad pad = new DrawingPad(network.inputShape());
    double w = network.inputShape().width();
    double h = network.inputShape().height();
    // A pen circling the pad in short steps, as a pointer moves between two mouse events.
    int[] step = {0};
    long[] stroke =
        TraceBenchmark.time(
            () -> {
              double a0 = step[0] * 0.15;
              double a1 = ++step[0] * 0.15;
              pad.stroke(point(w, h, a0), point(w, h, a1));
              return Float.floatToRawIntBits(pad.input().at(0));
            },
            warmupSeconds,
            samples,
            maxSeconds);
    long[] trace =
        TraceBenchmark.time(
            () -> network.trace(pad.input()).predicted().index(),
            warmupSeconds,
            samples,
            maxSeconds);
    pad.stroke(point(w, h, 0), point(w, h, 3));
    var first = network.trace(pad.input());
    pad.clear();
    pad.stroke(point(w, h, 1), point(w, h, 5));
    var second = network.trace(pad.input());
    OverviewBenchmark.Result overview =
        OverviewBenchmark.run(
            first,
            second,
            RenderBenchmark.WIDTH,
            RenderBenchmark.HEIGHT,
            RenderBenchmark.WARMUP,
            RenderBenchmark.RUNS);
    return new Result(
        TraceBenchmark.percentile(stroke, 0.5) / 1e6,
        TraceBenchmark.percentile(trace, 0.5) / 1e6,
        overview.traceSwitchMedianMs(),
        stroke.length);
  }

  private static Point2D point(double w, double h, double angle) {
    double r = 0.3 * Math.min(w, h) * (1 + 0.2 * Math.sin(angle * 0.37));
    return new Point2D.Double(w / 2 + r * Math.cos(angle), h / 2 + r * Math.sin(angle));
  }
}
