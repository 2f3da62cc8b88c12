package org.cnnexplainer.core.attribution;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Tensor;

/**
 * Gradient × input: {@code x ⊙ dS_c/dx}. The gradient says how sensitive the score is to each
 * value, the product how much that value, as it is, pushes the score (a first-order estimate of
 * what removing it would cost). Black pixels get zero, whatever their gradient.
 */
public final class GradientTimesInput implements Attribution {
  private final Saliency saliency;
  private final Tensor values;

  private GradientTimesInput(Saliency saliency, Tensor values) {
    this.saliency = saliency;
    this.values = values;
  }

  /**
   * {@return the gradient × input of class {@code classIndex} for the image {@code trace} was
   * computed from}
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   * @throws IllegalArgumentException if the class is out of range or the network has no logits
   */
  public static GradientTimesInput of(ActivationTrace trace, int classIndex) {
    Saliency saliency = Saliency.of(trace, classIndex);
    float[] x = Checks.data(trace.input());
    float[] g = Checks.data(saliency.values());
    float[] product = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      product[i] = x[i] * g[i];
    }
    return new GradientTimesInput(saliency, Checks.wrap(trace.input().shape(), product));
  }

  /** {@return the gradient {@code dS_c/dx} (the saliency), the first factor} */
  public Tensor gradient() {
    return saliency.values();
  }

  /** {@return the input {@code x}, the second factor} */
  public Tensor input() {
    return saliency.gradients().activations().input();
  }

  @Override
  public AttributionMethod method() {
    return AttributionMethod.GRADIENT_X_INPUT;
  }

  @Override
  public int classIndex() {
    return saliency.classIndex();
  }

  @Override
  public float logit() {
    return saliency.logit();
  }

  /** {@code x ⊙ dS_c/dx}, shaped like the input. */
  @Override
  public Tensor values() {
    return values;
  }

  @Override
  public Tensor overlay() {
    return values;
  }
}
