package org.cnnexplainer.demo.app;

import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.Attribution;
import org.cnnexplainer.core.attribution.AttributionMethod;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.core.attribution.GradientTimesInput;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.core.attribution.Saliency;
import org.cnnexplainer.core.attribution.SmoothGrad;

/**
 * One answer of the "Why?" window: the attribution of a class (and, when comparing, of a second
 * class) for one trace, computed with the library's defaults (integrated gradients 32 steps,
 * SmoothGrad 25 samples σ 0.15 seed 1, Grad-CAM at the last convolution's activation, occlusion 8 ×
 * 8 stride 4 black, smaller for small images), the same as {@code attribute} without options.
 *
 * @param trace the trace explained
 * @param method the method
 * @param classIndex the class explained
 * @param result its attribution
 * @param compareIndex the second class, or -1
 * @param compared its attribution, or null
 */
record Why(
    ActivationTrace trace,
    AttributionMethod method,
    int classIndex,
    Attribution result,
    int compareIndex,
    Attribution compared) {

  /** What to compute. */
  record Request(
      ActivationTrace trace, AttributionMethod method, int classIndex, int compareIndex) {
    Request {
      Objects.requireNonNull(trace, "trace");
      Objects.requireNonNull(method, "method");
    }

    /** Computes the answer (off the event thread: integrated gradients take tens of ms). */
    Why compute() {
      Attribution first = attribution(trace, method, classIndex);
      Attribution second = compareIndex < 0 ? null : attribution(trace, method, compareIndex);
      return new Why(trace, method, classIndex, first, compareIndex, second);
    }
  }

  /** The attribution of class {@code c} for {@code trace} with the default settings. */
  static Attribution attribution(ActivationTrace trace, AttributionMethod method, int c) {
    Network network = trace.network();
    Tensor x = trace.input();
    return switch (method) {
      case SALIENCY -> Saliency.of(trace, c);
      case GRADIENT_X_INPUT -> GradientTimesInput.of(trace, c);
      case INTEGRATED_GRADIENTS ->
          IntegratedGradients.of(network, x, c, IntegratedGradients.DEFAULT_STEPS);
      case SMOOTHGRAD ->
          SmoothGrad.of(network, x, c, SmoothGrad.DEFAULT_SAMPLES, SmoothGrad.DEFAULT_SIGMA, 1L);
      case GRAD_CAM -> GradCam.of(trace, c, GradCam.defaultLayer(network));
      case OCCLUSION -> {
        int side = Math.min(x.shape().height(), x.shape().width());
        int patch = Math.max(1, Math.min(Occlusion.DEFAULT_PATCH, side / 2));
        int stride = Math.max(1, Math.min(Occlusion.DEFAULT_STRIDE, patch / 2));
        yield Occlusion.of(network, x, c, patch, stride, Occlusion.DEFAULT_FILL);
      }
    };
  }
}
