package org.cnnexplainer.core.layer;

import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Pass;

/**
 * Dropout: the identity at inference. In training, {@code out[i] = kept(i) ? in[i] / (1 - rate) :
 * 0}, where each value is kept with probability {@code 1 - rate} (TF.js scales during training
 * only); backward applies the same mask and scale to the gradient.
 */
public final class Dropout extends Layer {
  private final float rate;

  /**
   * A dropout layer; {@code rate} is the fraction dropped in training, in [0, 1).
   *
   * @param name the layer's name
   * @param rate the fraction of values dropped in training, in [0, 1); the layer changes nothing at
   *     inference
   */
  public Dropout(String name, float rate) {
    super(name);
    if (!(rate >= 0f && rate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** {@return the fraction of inputs dropped while training} */
  public float rate() {
    return rate;
  }

  @Override
  public String kind() {
    return "Dropout";
  }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  @Override
  boolean usesTrainingSeed() {
    return true;
  }

  /**
   * The mask is a pure function of the pass's seed and the index, so the backward pass recomputes
   * it instead of storing it.
   */
  @Override
  void forward(Pass p) {
    masked(p, p.in(), p.out());
  }

  @Override
  void backward(Pass p) {
    if (p.gradIn() != null) {
      masked(p, p.gradOut(), p.gradIn());
    }
  }

  /** {@code dst = src} at inference, {@code src} masked and scaled in training. */
  private void masked(Pass p, float[] src, float[] dst) {
    if (!p.isTraining() || rate == 0f) {
      System.arraycopy(src, 0, dst, 0, src.length);
      return;
    }
    float scale = 1f / (1f - rate);
    for (int i = 0; i < src.length; i++) {
      dst[i] = kept(p.seed(), i) ? src[i] * scale : 0f;
    }
  }

  /**
   * Whether element {@code index} survives: a SplitMix64 hash of (seed, index) mapped to [0, 1).
   */
  boolean kept(long seed, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (z >>> 40) * 0x1.0p-24 >= rate;
  }
}
