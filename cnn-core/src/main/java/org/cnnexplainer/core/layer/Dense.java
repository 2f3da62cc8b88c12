package org.cnnexplainer.core.layer;

import java.util.Map;
import java.util.Objects;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.kernel.Kernels;
import org.cnnexplainer.core.kernel.Pass;

/**
 * A fully connected layer: {@code out[j] = act(bias[j] + sum_i in[i] * kernel[i][j])}. Shapes:
 * input {@code (I)}, kernel {@code (I, J)} as in TF.js, bias {@code (J)}, output {@code (J)}.
 *
 * <p>Backward, with {@code g = dS/d(pre-activation)}: {@code dKernel[i][j] = in[i] * g[j]}, {@code
 * dBias[j] = g[j]}, {@code dIn[i] = sum_j kernel[i][j] * g[j]}.
 *
 * <p>The passes keep the kernel transposed, one row of {@code I} weights per unit, so that each
 * output is one contiguous dot product.
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
   * @param name the layer's name
   * @param kernel weights of shape {@code (inputs, units)}
   * @param bias shape {@code (units)}, or {@code null} for a layer without bias
   * @param activation the fused activation ({@link Activation#LINEAR} for none)
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

  /** {@return the weights, shape {@code (inputs, units)}} */
  public Tensor kernel() {
    return kernel;
  }

  /** {@return the biases, shape {@code (units)}; zeros when the layer has none} */
  public Tensor bias() {
    return bias;
  }

  /** {@return false when the model file says {@code use_bias: false}} */
  public boolean useBias() {
    return useBias;
  }

  /**
   * {@return the weight from input {@code input} to unit {@code unit}}
   *
   * @param input the input index, from 0
   * @param unit the unit (output index), from 0
   */
  public float weight(int input, int unit) {
    return kernel.at(input * units() + unit);
  }

  /**
   * The length of the input vector.
   *
   * @return the number of inputs
   */
  public int inputs() {
    return kernel.shape().dim(0);
  }

  /**
   * The number of units (outputs).
   *
   * @return the number of units
   */
  public int units() {
    return kernel.shape().dim(1);
  }

  /** {@return the fused activation ({@link Activation#LINEAR} when none)} */
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
  public Map<String, Tensor> parameters() {
    return named(new String[] {"kernel", "bias"}, new Tensor[] {kernel, useBias ? bias : null});
  }

  @Override
  void forward(Pass p) {
    float[][] params = p.params();
    Kernels.active().dense(params[0], useBias ? params[1] : null, p.in(), p.out());
    if (!(p.atLogits() && activation == Activation.SOFTMAX)) {
      activation.applyInPlace(p.out(), p.outShape());
    }
  }

  @Override
  void backward(Pass p) {
    float[][] params = p.params();
    float[] g =
        activation.fusedGradient(
            p,
            () -> {
              float[] pre = new float[units()];
              Kernels.active().dense(params[0], useBias ? params[1] : null, p.in(), pre);
              return pre;
            });
    Kernels kernels = Kernels.active();
    if (p.gradients() != null) {
      kernels.accumulateDenseGradients(
          p.in(), g, p.gradients()[0], useBias ? p.gradients()[1] : null);
    }
    if (p.gradIn() != null) {
      kernels.denseInputGradient(params[0], g, p.gradIn());
    }
  }

  // ---- Parameters in the passes' layout: the kernel transposed to (units, inputs) ----

  @Override
  float[][] parameterArrays() {
    return useBias ? new float[][] {kernelByUnit(), data(bias)} : new float[][] {kernelByUnit()};
  }

  /** The kernel transposed to {@code (units, inputs)}, built on first use. */
  private float[] kernelByUnit() {
    float[] transposed = kernelByUnit;
    if (transposed == null) {
      transposed = transpose(data(kernel), inputs(), units());
      kernelByUnit = transposed; // two threads may both build it; both get equal arrays
    }
    return transposed;
  }

  /** {@code (rows, columns)} to {@code (columns, rows)}. */
  private static float[] transpose(float[] values, int rows, int columns) {
    float[] transposed = new float[values.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        transposed[c * rows + r] = values[r * columns + c];
      }
    }
    return transposed;
  }

  @Override
  Tensor[] parameterTensors(float[][] values) {
    Tensor k = Tensor.of(kernel.shape(), transpose(values[0], units(), inputs()));
    return useBias ? new Tensor[] {k, Tensor.of(bias.shape(), values[1])} : new Tensor[] {k};
  }

  @Override
  Layer withParameterArrays(float[][] values) {
    Tensor[] tensors = parameterTensors(values);
    Dense copy = new Dense(name(), tensors[0], useBias ? tensors[1] : null, activation);
    copy.kernelByUnit = values[0].clone();
    return copy;
  }
}
