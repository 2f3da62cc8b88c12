package org.cnnexplainer.core;

/** Dropout: the identity at inference (TF.js scales during training only). */
public final class Dropout extends Layer {
  private final float rate;

  /** A dropout layer; {@code rate} is the fraction dropped in training, in [0, 1). */
  public Dropout(String name, float rate) {
    super(name);
    if (!(rate >= 0f && rate < 1f)) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = rate;
  }

  /** Fraction of inputs dropped while training. */
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
  float[] compute(Tensor input, Shape outputShape) {
    return input.data.clone();
  }

  // ---- Training (see Layer). ----

  /**
   * In training ({@code seed >= 0}) keeps each value with probability {@code 1 - rate} and scales
   * kept values by {@code 1 / (1 - rate)}; the mask is a pure function of {@code seed} and the
   * index, so the backward pass recomputes it instead of storing it.
   */
  @Override
  void forwardInto(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits) {
    if (seed < 0 || rate == 0f) {
      System.arraycopy(in, 0, out, 0, in.length);
      return;
    }
    float scale = 1f / (1f - rate);
    for (int i = 0; i < in.length; i++) {
      out[i] = kept(seed, i) ? in[i] * scale : 0f;
    }
  }

  @Override
  void backward(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      float[] gradOut,
      float[] gradIn,
      float[][] gradBuffers,
      long seed,
      boolean logits) {
    if (gradIn == null) {
      return;
    }
    if (seed < 0 || rate == 0f) {
      System.arraycopy(gradOut, 0, gradIn, 0, gradOut.length);
      return;
    }
    float scale = 1f / (1f - rate);
    for (int i = 0; i < gradOut.length; i++) {
      gradIn[i] = kept(seed, i) ? gradOut[i] * scale : 0f;
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
