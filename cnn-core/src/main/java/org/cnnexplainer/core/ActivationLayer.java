package org.cnnexplainer.core;

/**
 * A stand-alone activation (TF.js class {@code Activation}), such as the original's {@code
 * relu_1_1}.
 */
public final class ActivationLayer extends Layer {
  private final Activation activation;

  /** A layer that applies {@code activation}. */
  public ActivationLayer(String name, Activation activation) {
    super(name);
    this.activation = java.util.Objects.requireNonNull(activation, "activation");
  }

  /** The function applied. */
  public Activation activation() {
    return activation;
  }

  @Override
  public String kind() {
    return "Activation";
  }

  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  @Override
  float[] compute(Tensor input, Shape outputShape) {
    float[] out = input.data.clone();
    activation.applyInPlace(out, outputShape);
    return out;
  }
}
