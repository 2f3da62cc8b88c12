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
}
