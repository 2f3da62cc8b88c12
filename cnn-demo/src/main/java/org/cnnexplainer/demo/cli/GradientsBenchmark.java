package org.cnnexplainer.demo.cli;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;

/**
 * Times the backward pass of one class on one thread: from a trace to every layer's gradient and
 * the input gradient ({@link ActivationTrace#gradients}), next to the traced forward pass it starts
 * from and the two together ({@link Network#gradients}).
 */
final class GradientsBenchmark {
  /** Medians in microseconds. */
  record Result(
      double gradientsMedianMicros,
      double traceMedianMicros,
      double traceAndGradientsMedianMicros,
      int samples) {}

  private GradientsBenchmark() {}

  /**
   * Measures with the predicted class of {@code input}: its logit when the network ends in a
   * softmax, else its output value.
   */
  static Result run(
      Network network, Tensor input, double warmupSeconds, int samples, double maxSeconds) {
    ActivationTrace trace = network.trace(input);
    int c = trace.predicted().index();
    GradientTarget target =
        trace.logits().isPresent() ? GradientTarget.logit(c) : GradientTarget.probability(c);
    long[] backward =
        TraceBenchmark.time(
            () -> Float.floatToRawIntBits(trace.gradients(target).input().at(0)),
            warmupSeconds,
            samples,
            maxSeconds);
    long[] forward =
        TraceBenchmark.time(
            () -> network.trace(input).predicted().index(), warmupSeconds, samples, maxSeconds);
    long[] both =
        TraceBenchmark.time(
            () -> Float.floatToRawIntBits(network.gradients(input, target).input().at(0)),
            warmupSeconds,
            samples,
            maxSeconds);
    return new Result(
        TraceBenchmark.percentile(backward, 0.5) / 1e3,
        TraceBenchmark.percentile(forward, 0.5) / 1e3,
        TraceBenchmark.percentile(both, 0.5) / 1e3,
        backward.length);
  }
}
