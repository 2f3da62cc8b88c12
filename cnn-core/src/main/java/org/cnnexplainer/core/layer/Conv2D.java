package org.cnnexplainer.core.layer;

import java.util.Map;
import java.util.Objects;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.kernel.Kernels;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.kernel.Window;

/**
 * A 2-D convolution (cross-correlation, kernel not flipped) with TF.js semantics.
 *
 * <p>{@code out[f][oy][ox] = act(bias[f] + sum_c sum_ky sum_kx in[c][oy*sh + ky - pt][ox*sw + kx -
 * pl] * kernel[f][c][ky][kx])}, where cells outside the input count as zero and {@code pt, pl} are
 * the {@link Padding} offsets. Shapes: input {@code (C, H, W)}, kernel {@code (F, C, kh, kw)}, bias
 * {@code (F)}, output {@code (F, Ho, Wo)}.
 */
public final class Conv2D extends Layer {
  private final Tensor kernel;
  private final Tensor bias;
  private final boolean useBias;
  private final int strideY;
  private final int strideX;
  private final Padding padding;
  private final Activation activation;
  // The window of the last input shape seen: in a network always the same one.
  private volatile Window window;

  /**
   * A convolution layer.
   *
   * @param name the layer's name
   * @param kernel weights of shape {@code (filters, inputChannels, kernelHeight, kernelWidth)}
   * @param bias shape {@code (filters)}, or {@code null} for a layer without bias
   * @param strideY the vertical step between windows, at least 1
   * @param strideX the horizontal step between windows, at least 1
   * @param padding how the border is treated
   * @param activation the fused activation ({@link Activation#LINEAR} for none)
   */
  public Conv2D(
      String name,
      Tensor kernel,
      Tensor bias,
      int strideY,
      int strideX,
      Padding padding,
      Activation activation) {
    super(name);
    Objects.requireNonNull(kernel, "kernel");
    if (kernel.shape().rank() != 4) {
      throw new IllegalArgumentException(
          "conv '"
              + name
              + "': kernel must have shape (filters, channels, kh, kw), got "
              + kernel.shape());
    }
    int filters = kernel.shape().dim(0);
    if (bias != null && !bias.shape().equals(Shape.vector(filters))) {
      throw new IllegalArgumentException(
          "conv '" + name + "': bias must have shape [" + filters + "], got " + bias.shape());
    }
    if (strideY < 1 || strideX < 1) {
      throw new IllegalArgumentException(
          "conv '" + name + "': strides must be positive, got " + strideY + "x" + strideX);
    }
    this.kernel = kernel;
    this.useBias = bias != null;
    this.bias = bias != null ? bias : Tensor.zeros(Shape.vector(filters));
    this.strideY = strideY;
    this.strideX = strideX;
    this.padding = Objects.requireNonNull(padding, "padding");
    this.activation = Objects.requireNonNull(activation, "activation");
  }

  /** {@return the weights, shape {@code (filters, inputChannels, kernelHeight, kernelWidth)}} */
  public Tensor kernel() {
    return kernel;
  }

  /** {@return the biases, shape {@code (filters)}; zeros when the layer has none} */
  public Tensor bias() {
    return bias;
  }

  /** {@return false when the model file says {@code use_bias: false}} */
  public boolean useBias() {
    return useBias;
  }

  /**
   * {@return one weight}
   *
   * @param filter the filter (output channel), from 0
   * @param channel the input channel, from 0
   * @param ky the kernel row, from 0
   * @param kx the kernel column, from 0
   */
  public float weight(int filter, int channel, int ky, int kx) {
    return kernel.at(
        ((filter * inputChannels() + channel) * kernelHeight() + ky) * kernelWidth() + kx);
  }

  /**
   * The number of filters, which is the number of output channels.
   *
   * @return the number of filters
   */
  public int filters() {
    return kernel.shape().dim(0);
  }

  /**
   * The number of input channels each filter reads.
   *
   * @return the number of input channels
   */
  public int inputChannels() {
    return kernel.shape().dim(1);
  }

  /**
   * The kernel height, in input cells.
   *
   * @return the kernel height
   */
  public int kernelHeight() {
    return kernel.shape().dim(2);
  }

  /**
   * The kernel width, in input cells.
   *
   * @return the kernel width
   */
  public int kernelWidth() {
    return kernel.shape().dim(3);
  }

  /**
   * The vertical step between windows, in input cells.
   *
   * @return the vertical stride
   */
  public int strideY() {
    return strideY;
  }

  /**
   * The horizontal step between windows, in input cells.
   *
   * @return the horizontal stride
   */
  public int strideX() {
    return strideX;
  }

  /**
   * How the border is treated.
   *
   * @return the padding
   */
  public Padding padding() {
    return padding;
  }

  /** {@return the fused activation ({@link Activation#LINEAR} when none)} */
  public Activation activation() {
    return activation;
  }

  /**
   * {@return the first input row of the window that produces output row {@code oy} for an input of
   * shape {@code input}; negative when the window starts in the top padding}
   *
   * @param input the layer's input shape
   * @param oy the output row, from 0
   */
  public int windowTop(Shape input, int oy) {
    return oy * strideY - padding.padBefore(input.height(), kernelHeight(), strideY);
  }

  /**
   * {@return the first input column of the window that produces output column {@code ox}; negative
   * when the window starts in the left padding}
   *
   * @param input the layer's input shape
   * @param ox the output column, from 0
   */
  public int windowLeft(Shape input, int ox) {
    return ox * strideX - padding.padBefore(input.width(), kernelWidth(), strideX);
  }

  @Override
  public String kind() {
    return "Conv2D";
  }

  @Override
  public Shape outputShape(Shape input) {
    requireImage(input);
    if (input.channels() != inputChannels()) {
      throw new IllegalArgumentException(
          "conv '"
              + name()
              + "' expects "
              + inputChannels()
              + " input channels, got shape "
              + input);
    }
    return Shape.image(
        filters(),
        padding.outputSize(input.height(), kernelHeight(), strideY),
        padding.outputSize(input.width(), kernelWidth(), strideX));
  }

  @Override
  public long parameterCount() {
    return kernel.size() + (useBias ? bias.size() : 0);
  }

  @Override
  public long multiplyAdds(Shape input) {
    Shape out = outputShape(input);
    return (long) out.size() * inputChannels() * kernelHeight() * kernelWidth();
  }

  @Override
  public Map<String, Tensor> parameters() {
    return named(new String[] {"kernel", "bias"}, new Tensor[] {kernel, useBias ? bias : null});
  }

  /** The index arithmetic of this convolution over an input of shape {@code input}. */
  Window window(Shape input) {
    Window w = window;
    if (w == null || !w.isFor(input)) {
      w = Window.of(input, filters(), kernelHeight(), kernelWidth(), strideY, strideX, padding);
      window = w; // immutable: any thread may use the last one built
    }
    return w;
  }

  @Override
  void forward(Pass p) {
    convolve(p, null);
    activation.applyInPlace(p.out(), p.outShape());
  }

  /**
   * The forward pass of a convolution without an activation ({@link Activation#LINEAR}), which also
   * writes {@code relu}: the output of a ReLU layer after it, from the same pass.
   */
  void forwardThenRelu(Pass p, float[] relu) {
    if (activation != Activation.LINEAR) {
      throw new IllegalStateException("conv '" + name() + "' has a " + activation + " activation");
    }
    convolve(p, relu);
  }

  /** Writes the pass's output before the activation, and {@code relu} unless it is null. */
  private void convolve(Pass p, float[] relu) {
    float[][] params = p.params();
    Kernels.active()
        .convolve(
            window(p.inShape()), p.in(), params[0], useBias ? params[1] : null, p.out(), relu);
  }

  /**
   * With {@code g = dS/d(pre-activation)}, the gradient through the fused activation: {@code
   * dW[f][c][ky][kx] = sum_{oy,ox} g[f][oy][ox] * in[c][top(oy) + ky][left(ox) + kx]}, {@code db[f]
   * = sum_{oy,ox} g[f][oy][ox]}, and {@code dIn[c][y][x] = sum W[f][c][ky][kx] * g[f][oy][ox]} over
   * the windows that read {@code (y, x)}.
   */
  @Override
  void backward(Pass p) {
    Window window = window(p.inShape());
    float[] kernel = p.params()[0];
    float[] g = activation.fusedGradient(p, () -> preActivation(p, window));
    Kernels kernels = Kernels.active();
    if (p.gradients() != null) {
      kernels.accumulateConvolutionGradients(window, p.in(), g, p.gradients());
    }
    if (p.gradIn() != null) {
      kernels.convolutionInputGradient(window, kernel, g, p.gradIn());
    }
  }

  /** The output before the fused activation, recomputed (for slopes that need it). */
  private float[] preActivation(Pass p, Window window) {
    float[] pre = new float[p.out().length];
    float[][] params = p.params();
    Kernels.active().convolve(window, p.in(), params[0], useBias ? params[1] : null, pre);
    return pre;
  }

  // ---- Training: parameters in the passes' layout and gradient accumulators ----

  @Override
  float[][] parameterArrays() {
    return useBias ? new float[][] {data(kernel), data(bias)} : new float[][] {data(kernel)};
  }

  @Override
  Layer withParameterArrays(float[][] values) {
    return new Conv2D(
        name(),
        Tensor.of(kernel.shape(), values[0]),
        useBias ? Tensor.of(bias.shape(), values[1]) : null,
        strideY,
        strideX,
        padding,
        activation);
  }

  @Override
  int[] gradientSizes(Shape input) {
    return Kernels.active().convolutionGradientSizes(window(input), useBias);
  }

  @Override
  void reduceGradients(Shape input, float[][] buffers, float[][] into) {
    Kernels.active().reduceConvolutionGradients(window(input), buffers, into);
  }
}
