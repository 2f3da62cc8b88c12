package org.cnnexplainer.core.attribution;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Tensor;

/**
 * Saliency: {@code dS_c/dx}, the raw signed gradient of the class logit with respect to each input
 * value (no absolute value, no maximum over channels). A positive value says: brightening this
 * pixel's channel a little raises the class score.
 */
public final class Saliency implements Attribution {
  private final int classIndex;
  private final GradientTrace gradients;

  private Saliency(int classIndex, GradientTrace gradients) {
    this.classIndex = classIndex;
    this.gradients = gradients;
  }

  /**
   * {@return the saliency of class {@code classIndex} for the image {@code trace} was computed
   * from; runs the backward pass only (the trace's forward pass is reused)}
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   * @throws IllegalArgumentException if the class is out of range or the network has no logits
   */
  public static Saliency of(ActivationTrace trace, int classIndex) {
    return new Saliency(classIndex, trace.gradients(GradientTarget.logit(classIndex)));
  }

  /**
   * {@return the whole backward pass: the gradient at every layer, for a view that follows it back}
   */
  public GradientTrace gradients() {
    return gradients;
  }

  @Override
  public AttributionMethod method() {
    return AttributionMethod.SALIENCY;
  }

  @Override
  public int classIndex() {
    return classIndex;
  }

  @Override
  public float logit() {
    return gradients.value();
  }

  /** {@code dS_c/dx}, shaped like the input. */
  @Override
  public Tensor values() {
    return gradients.input();
  }

  @Override
  public Tensor overlay() {
    return values();
  }
}
