package org.cnnexplainer.core;

import java.util.Objects;

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

  /**
   * A convolution layer.
   *
   * @param kernel weights of shape {@code (filters, inputChannels, kernelHeight, kernelWidth)}
   * @param bias shape {@code (filters)}, or {@code null} for a layer without bias
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

  /** Weights, shape {@code (filters, inputChannels, kernelHeight, kernelWidth)}. */
  public Tensor kernel() {
    return kernel;
  }

  /** Biases, shape {@code (filters)}; zeros when the layer has none. */
  public Tensor bias() {
    return bias;
  }

  /** False when the model file says {@code use_bias: false}. */
  public boolean useBias() {
    return useBias;
  }

  /** One weight. */
  public float weight(int filter, int channel, int ky, int kx) {
    return kernel
        .data[((filter * inputChannels() + channel) * kernelHeight() + ky) * kernelWidth() + kx];
  }

  public int filters() {
    return kernel.shape().dim(0);
  }

  public int inputChannels() {
    return kernel.shape().dim(1);
  }

  public int kernelHeight() {
    return kernel.shape().dim(2);
  }

  public int kernelWidth() {
    return kernel.shape().dim(3);
  }

  public int strideY() {
    return strideY;
  }

  public int strideX() {
    return strideX;
  }

  public Padding padding() {
    return padding;
  }

  /** The fused activation ({@link Activation#LINEAR} when none). */
  public Activation activation() {
    return activation;
  }

  /**
   * First input row of the window that produces output row {@code oy} for an input of shape {@code
   * input}; negative when the window starts in the top padding.
   */
  public int windowTop(Shape input, int oy) {
    return oy * strideY - padding.padBefore(input.height(), kernelHeight(), strideY);
  }

  /**
   * First input column of the window that produces output column {@code ox}; negative when the
   * window starts in the left padding.
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
  float[] compute(Tensor input, Shape outputShape) {
    if (strideY == 1 && strideX == 1) {
      float[] out = Correlation.layerOutput(this, input, outputShape);
      activation.applyInPlace(out, outputShape);
      return out;
    }
    float[] out = new float[outputShape.size()];
    forwardInto(
        new float[][] {kernel.data, bias.data},
        input.data,
        input.shape,
        out,
        outputShape,
        -1,
        false);
    return out;
  }

  // ---- Training: forward on raw buffers and backward (see Layer). ----

  /**
   * Whether the kernel gradient for input {@code in} takes the Vector API path: the layer is a
   * valid correlation of its input ({@link Correlation#isValid}) with planes large enough for
   * {@link VectorConvolution}.
   */
  boolean vectorKernelGradient(Shape in) {
    return Acceleration.vectorApi()
        && Correlation.isValid(this, in)
        && VectorConvolution.fits(
            in.height() - kernelHeight() + 1, in.width() - kernelWidth() + 1, in.width());
  }

  @Override
  Tensor[] parameters() {
    return useBias ? new Tensor[] {kernel, bias} : new Tensor[] {kernel};
  }

  @Override
  Layer withParameterArrays(float[][] values) {
    return new Conv2D(
        name(),
        Tensor.of(kernel.shape, values[0]),
        useBias ? Tensor.of(bias.shape, values[1]) : null,
        strideY,
        strideX,
        padding,
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
    if (Correlation.isValid(this, inShape)) {
      Correlation.valid(
          in,
          0,
          inputChannels(),
          inShape.height(),
          inShape.width(),
          params[0],
          params.length > 1 ? params[1] : null,
          filters(),
          kernelHeight(),
          kernelWidth(),
          out,
          0);
      activation.applyInPlace(out, outShape);
      return;
    }
    StridedConvolution.forward(this, params, in, inShape, out, outShape);
    activation.applyInPlace(out, outShape);
  }

  /**
   * Gradient accumulators: one float per weight on the plain stride-1 path, one vector of lane sums
   * per kernel weight on the Vector API path ({@link VectorConvolutionGradients}), partial sums per
   * output column on the strided path ({@link StridedConvolution}); {@link #addGradients} folds
   * them.
   */
  @Override
  int[] gradientBufferSizes(Shape input) {
    if (vectorKernelGradient(input)) {
      int kernelLanes = kernel.size() * VectorConvolutionGradients.lanes();
      return useBias ? new int[] {kernelLanes, filters()} : new int[] {kernelLanes};
    }
    if (Correlation.isValid(this, input)) {
      return super.gradientBufferSizes(input);
    }
    return StridedConvolution.gradientBufferSizes(this, input);
  }

  @Override
  void addGradients(float[][] buffers, Shape input, float[][] into) {
    if (vectorKernelGradient(input)) {
      VectorConvolutionGradients.reduce(buffers[0], into[0]);
      addBuffers(buffers, 1, into); // the bias's, one float each
      return;
    }
    if (Correlation.isValid(this, input)) {
      super.addGradients(buffers, input, into);
      return;
    }
    StridedConvolution.addGradients(this, buffers, input, into);
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
    activation.scaleBySlopeAtOutput(gradOut, out);
    if (Correlation.isValid(this, inShape)) {
      if (vectorKernelGradient(inShape)) {
        VectorConvolutionGradients.accumulate(
            in,
            inputChannels(),
            inShape.height(),
            inShape.width(),
            gradOut,
            filters(),
            kernelHeight(),
            kernelWidth(),
            gradBuffers[0],
            useBias ? gradBuffers[1] : null);
      } else {
        StrideOneKernelGradient.compute(
            this, in, inShape, gradOut, outShape, gradBuffers[0], useBias ? gradBuffers[1] : null);
      }
      if (gradIn != null) {
        Correlation.inputGradient(
            params[0],
            inputChannels(),
            inShape.height(),
            inShape.width(),
            gradOut,
            filters(),
            kernelHeight(),
            kernelWidth(),
            gradIn);
      }
      return;
    }
    StridedConvolution.backward(this, params, in, inShape, gradOut, outShape, gradIn, gradBuffers);
  }
}
