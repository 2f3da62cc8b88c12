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
    float[] out = new float[input.size()];
    forwardInto(null, input.data, input.shape, out, outputShape, -1, false);
    return out;
  }

  // ---- Training (see Layer). ----

  @Override
  void forwardInto(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits) {
    if (activation == Activation.RELU) {
      // Straight from the input: copying first and clamping in place costs a second pass.
      for (int i = 0; i < in.length; i++) {
        out[i] = Math.max(in[i], 0f);
      }
      return;
    }
    System.arraycopy(in, 0, out, 0, in.length);
    if (!(logits && activation == Activation.SOFTMAX)) {
      activation.applyInPlace(out, outShape);
    }
  }

  /** {@code dIn = dOut * act'(in)}; softmax uses its Jacobian {@code y * (g - sum(g * y))}. */
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
    if (activation == Activation.SOFTMAX) {
      System.arraycopy(gradOut, 0, gradIn, 0, gradOut.length);
      if (logits) {
        return;
      }
      if (!outShape.isImage()) {
        softmaxBackward(gradIn, out, 0, out.length, 1);
      } else {
        int plane = outShape.height() * outShape.width();
        for (int p = 0; p < plane; p++) {
          softmaxBackward(gradIn, out, p, outShape.channels(), plane);
        }
      }
      return;
    }
    if (activation == Activation.RELU) {
      Activation.passWherePositive(in, gradOut, gradIn);
      return;
    }
    for (int i = 0; i < in.length; i++) {
      gradIn[i] = gradOut[i] * activation.slope(in[i], out[i]);
    }
  }

  /** Replaces gradients {@code g} of softmax outputs {@code y} by {@code y * (g - sum(g * y))}. */
  static void softmaxBackward(float[] grad, float[] y, int offset, int count, int stride) {
    double dot = 0;
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      dot += grad[p] * y[p];
    }
    for (int i = 0, p = offset; i < count; i++, p += stride) {
      grad[p] = y[p] * (grad[p] - (float) dot);
    }
  }
}
