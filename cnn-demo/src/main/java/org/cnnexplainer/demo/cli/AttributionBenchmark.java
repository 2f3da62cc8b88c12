package org.cnnexplainer.demo.cli;

import java.util.Locale;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.core.attribution.Saliency;

/**
 * Times the attribution methods of the predicted class on one thread, each from the image (the
 * forward pass included), next to the traced forward pass they are measured against: saliency,
 * Grad-CAM at the default layer, integrated gradients of 32 steps and occlusion of an 8 x 8 black
 * square moved 4 pixels at a time.
 */
final class AttributionBenchmark {
  /** Medians. */
  record Result(
      double traceMedianMicros,
      double saliencyMedianMicros,
      double gradCamMedianMicros,
      double integratedGradientsMedianMillis,
      double occlusionMedianMillis,
      int samples,
      int slowSamples) {

    /** The figures as one JSON object, with the ratios to the traced forward pass. */
    String toJson(boolean vectorApi) {
      double t = traceMedianMicros;
      return String.format(
          Locale.ROOT,
          "{\"saliencyMedianUs\": %.1f, \"gradCamMedianUs\": %.1f,"
              + " \"integratedGradientsMedianMs\": %.2f, \"occlusionMedianMs\": %.2f,"
              + " \"traceMedianUs\": %.1f, \"saliencyPerTrace\": %.2f, \"gradCamPerTrace\": %.2f,"
              + " \"integratedGradientsPerTrace\": %.1f, \"occlusionPerTrace\": %.1f,"
              + " \"vectorApi\": %b}",
          saliencyMedianMicros,
          gradCamMedianMicros,
          integratedGradientsMedianMillis,
          occlusionMedianMillis,
          t,
          saliencyMedianMicros / t,
          gradCamMedianMicros / t,
          integratedGradientsMedianMillis * 1e3 / t,
          occlusionMedianMillis * 1e3 / t,
          vectorApi);
    }
  }

  private AttributionBenchmark() {}

  /**
   * Measures; the slow methods (integrated gradients, occlusion) take a twentieth of {@code
   * samples} (at least 5) and a fifth of the warm-up each.
   */
  static Result run(
      Network network, Tensor input, double warmupSeconds, int samples, double maxSeconds) {
    ActivationTrace first = network.trace(input);
    int c = first.predicted().index();
    String layer = GradCam.defaultLayer(network);
    long[] trace =
        TraceBenchmark.time(
            () -> network.trace(input).predicted().index(), warmupSeconds, samples, maxSeconds);
    long[] saliency =
        TraceBenchmark.time(
            () -> bits(Saliency.of(network.trace(input), c).values().at(0)),
            warmupSeconds,
            samples,
            maxSeconds);
    long[] gradCam =
        TraceBenchmark.time(
            () -> bits(GradCam.of(network.trace(input), c, layer).map().at(0)),
            warmupSeconds,
            samples,
            maxSeconds);
    int slow = Math.max(5, samples / 20);
    long[] ig =
        TraceBenchmark.time(
            () ->
                bits(
                    IntegratedGradients.of(network, input, c, IntegratedGradients.DEFAULT_STEPS)
                        .values()
                        .at(0)),
            warmupSeconds / 5,
            slow,
            maxSeconds);
    long[] occlusion =
        TraceBenchmark.time(
            () ->
                bits(
                    Occlusion.of(
                            network,
                            input,
                            c,
                            Occlusion.DEFAULT_PATCH,
                            Occlusion.DEFAULT_STRIDE,
                            Occlusion.DEFAULT_FILL)
                        .values()
                        .at(0)),
            warmupSeconds / 5,
            slow,
            maxSeconds);
    return new Result(
        TraceBenchmark.percentile(trace, 0.5) / 1e3,
        TraceBenchmark.percentile(saliency, 0.5) / 1e3,
        TraceBenchmark.percentile(gradCam, 0.5) / 1e3,
        TraceBenchmark.percentile(ig, 0.5) / 1e6,
        TraceBenchmark.percentile(occlusion, 0.5) / 1e6,
        trace.length,
        ig.length);
  }

  private static int bits(float value) {
    return Float.floatToRawIntBits(value);
  }
}
