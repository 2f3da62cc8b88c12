package org.cnnexplainer.core.attribution;

import org.cnnexplainer.core.Tensor;

/**
 * What one attribution method computed for one image and one class {@code c}: how much each part of
 * the image contributes to the class's logit {@code S_c(x)} (its score before the softmax).
 * Implementations are immutable and carry the intermediate numbers a view explains, so that views
 * never recompute them.
 */
public sealed interface Attribution
    permits Saliency, GradientTimesInput, IntegratedGradients, SmoothGrad, GradCam, Occlusion {

  /** {@return the method} */
  AttributionMethod method();

  /** {@return the class {@code c} whose logit is explained} */
  int classIndex();

  /** {@return {@code S_c(x)}, the logit of the class for the image} */
  float logit();

  /**
   * {@return the method's result as defined in its class: for the input-shaped methods one value
   * per input value, shaped like the input {@code (C, H, W)}; for Grad-CAM the map at its layer's
   * resolution {@code (1, h, w)}; for occlusion the logit drop per patch position {@code (1, rows,
   * columns)}}
   */
  Tensor values();

  /**
   * {@return the result at the input's height and width, to lay over the image: {@link #values()}
   * for the input-shaped methods, Grad-CAM's upsampled map, occlusion's drops spread over the
   * pixels each patch covered}
   */
  Tensor overlay();
}
