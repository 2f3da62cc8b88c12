package org.cnnexplainer.core;

import java.util.Objects;

/**
 * A fully connected layer: {@code out[j] = act(bias[j] + sum_i in[i] * kernel[i][j])}. Shapes:
 * input {@code (I)}, kernel {@code (I, J)} as in TF.js, bias {@code (J)}, output {@code (J)}.
 */
public final class Dense extends Layer {
  private final Tensor kernel;
  private final Tensor bias;
  private final boolean useBias;
  private final Activation activation;
  // Built on first use; volatile so another thread never sees the array before its contents.
  private volatile float[] kernelByUnit;

  /**
   * A dense layer.
   *
   * @param kernel weights of shape {@code (inputs, units)}
   * @param bias shape {@code (units)}, or {@code null} for a layer without bias
   */
  public Dense(String name, Tensor kernel, Tensor bias, Activation activation) {
    super(name);
    Objects.requireNonNull(kernel, "kernel");
    if (kernel.shape().rank() != 2) {
      throw new IllegalArgumentException(
          "dense '" + name + "': kernel must have shape (inputs, units), got " + kernel.shape());
    }
    int units = kernel.shape().dim(1);
    if (bias != null && !bias.shape().equals(Shape.vector(units))) {
      throw new IllegalArgumentException(
          "dense '" + name + "': bias must have shape [" + units + "], got " + bias.shape());
    }
    this.kernel = kernel;
    this.useBias = bias != null;
    this.bias = bias != null ? bias : Tensor.zeros(Shape.vector(units));
    this.activation = Objects.requireNonNull(activation, "activation");
  }

  /** Weights, shape {@code (inputs, units)}. */
  public Tensor kernel() {
    return kernel;
  }

  /** Biases, shape {@code (units)}; zeros when the layer has none. */
  public Tensor bias() {
    return bias;
  }

  /** False when the model file says {@code use_bias: false}. */
  public boolean useBias() {
    return useBias;
  }

  /** The weight from input {@code input} to unit {@code unit}. */
  public float weight(int input, int unit) {
    return kernel.data[input * units() + unit];
  }

  public int inputs() {
    return kernel.shape().dim(0);
  }

  public int units() {
    return kernel.shape().dim(1);
  }

  /** The fused activation ({@link Activation#LINEAR} when none). */
  public Activation activation() {
    return activation;
  }

  @Override
  public String kind() {
    return "Dense";
  }

  @Override
  public Shape outputShape(Shape input) {
    if (input.rank() != 1 || input.dim(0) != inputs()) {
      throw new IllegalArgumentException(
          "dense '"
              + name()
              + "' expects a vector of "
              + inputs()
              + " values, got shape "
              + input
              + (input.rank() != 1 ? " (add a Flatten layer before it)" : ""));
    }
    return Shape.vector(units());
  }

  @Override
  public long parameterCount() {
    return kernel.size() + (useBias ? bias.size() : 0);
  }

  @Override
  public long multiplyAdds(Shape input) {
    return kernel.size();
  }

  @Override
  float[] compute(Tensor input, Shape outputShape) {
    float[] out = preActivation(input);
    activation.applyInPlace(out, outputShape);
    return out;
  }

  /** The values before the activation: for a fused softmax these are the logits. */
  float[] preActivation(Tensor input) {
    int units = units();
    int inputs = inputs();
    float[] out = new float[units];
    float[] w = kernelByUnit();
    float[] x = input.data;
    for (int j = 0; j < units; j++) {
      // Four partial sums break the dependency chain of one long float sum.
      int row = j * inputs;
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int i = 0;
      for (; i + 3 < inputs; i += 4) {
        s0 += x[i] * w[row + i];
        s1 += x[i + 1] * w[row + i + 1];
        s2 += x[i + 2] * w[row + i + 2];
        s3 += x[i + 3] * w[row + i + 3];
      }
      for (; i < inputs; i++) {
        s0 += x[i] * w[row + i];
      }
      out[j] = bias.data[j] + ((s0 + s1) + (s2 + s3));
    }
    return out;
  }

  /**
   * The kernel transposed to {@code (units, inputs)}, so that each unit's weights are contiguous.
   */
  private float[] kernelByUnit() {
    float[] transposed = kernelByUnit;
    if (transposed == null) {
      int units = units();
      int inputs = inputs();
      transposed = new float[kernel.data.length];
      for (int i = 0; i < inputs; i++) {
        for (int j = 0; j < units; j++) {
          transposed[j * inputs + i] = kernel.data[i * units + j];
        }
      }
      kernelByUnit = transposed; // two threads may both build it; both get equal arrays
    }
    return transposed;
  }

  // ---- Training: forward on raw buffers and backward (see Layer). ----

  @Override
  Tensor[] parameters() {
    return useBias ? new Tensor[] {kernel, bias} : new Tensor[] {kernel};
  }

  @Override
  Layer withParameterArrays(float[][] values) {
    return new Dense(
        name(),
        Tensor.of(kernel.shape, values[0]),
        useBias ? Tensor.of(bias.shape, values[1]) : null,
        activation);
  }

  @Override
  void forwardInto(
      float[][] params,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape,
      long seed,
      boolean logits) {
    int units = units();
    float[] w = params[0];
    if (params.length > 1) {
      System.arraycopy(params[1], 0, out, 0, units);
    } else {
      java.util.Arrays.fill(out, 0f);
    }
    for (int i = 0; i < in.length; i++) {
      float xi = in[i];
      int row = i * units;
      for (int j = 0; j < units; j++) {
        out[j] += xi * w[row + j];
      }
    }
    if (!(logits && activation == Activation.SOFTMAX)) {
      activation.applyInPlace(out, outShape);
    }
  }

  /**
   * {@code dW[i][j] += in[i] * g[j]}, {@code db[j] += g[j]}, {@code dIn[i] = sum_j W[i][j] g[j]}.
   */
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
    if (!(logits && activation == Activation.SOFTMAX)) {
      if (activation == Activation.SOFTMAX) {
        ActivationLayer.softmaxBackward(gradOut, out, 0, out.length, 1);
      } else {
        activation.scaleBySlopeAtOutput(gradOut, out);
      }
    }
    int units = units();
    float[] w = params[0];
    float[] gradKernel = gradBuffers[0];
    for (int i = 0; i < in.length; i++) {
      float xi = in[i];
      int row = i * units;
      float sum = 0f;
      for (int j = 0; j < units; j++) {
        gradKernel[row + j] += xi * gradOut[j];
        sum += w[row + j] * gradOut[j];
      }
      if (gradIn != null) {
        gradIn[i] = sum;
      }
    }
    if (useBias) {
      for (int j = 0; j < units; j++) {
        gradBuffers[1][j] += gradOut[j];
      }
    }
  }
}
