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

  /**
   * Adds the cross-correlation of input channel {@code channel} with kernel slice {@code (filter,
   * channel)} to {@code out[offset ...]}, one output plane of shape {@code outputShape}'s height
   * and width.
   */
  void accumulate(
      Tensor input, int filter, int channel, float[] out, int offset, Shape outputShape) {
    accumulate(kernel.data, input.data, input.shape, filter, channel, out, offset, outputShape);
  }

  // Rows are the inner loop so that the JIT can vectorise them.
  private void accumulate(
      float[] w,
      float[] src,
      Shape in,
      int filter,
      int channel,
      float[] out,
      int offset,
      Shape outputShape) {
    int height = in.height();
    int width = in.width();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    int kh = kernelHeight();
    int kw = kernelWidth();
    int padTop = padding.padBefore(height, kh, strideY);
    int padLeft = padding.padBefore(width, kw, strideX);
    int srcPlane = channel * height * width;
    int kernelBase = (filter * inputChannels() + channel) * kh * kw;
    boolean fastRows = strideX == 1 && kw == 3 && padLeft == 0 && outWidth + 2 <= width;
    for (int oy = 0; oy < outHeight; oy++) {
      int dst = offset + oy * outWidth;
      for (int ky = 0; ky < kh; ky++) {
        int iy = oy * strideY + ky - padTop;
        if (iy < 0 || iy >= height) {
          continue;
        }
        int row = srcPlane + iy * width;
        int k = kernelBase + ky * kw;
        if (fastRows) {
          float w0 = w[k];
          float w1 = w[k + 1];
          float w2 = w[k + 2];
          for (int ox = 0; ox < outWidth; ox++) {
            out[dst + ox] += w0 * src[row + ox] + w1 * src[row + ox + 1] + w2 * src[row + ox + 2];
          }
          continue;
        }
        for (int kx = 0; kx < kw; kx++) {
          float wk = w[k + kx];
          int shift = kx - padLeft;
          int first = firstColumn(shift);
          int last = lastColumn(shift, width, outWidth);
          if (strideX == 1) {
            int s = row + shift;
            for (int ox = first; ox <= last; ox++) {
              out[dst + ox] += wk * src[s + ox];
            }
          } else {
            for (int ox = first; ox <= last; ox++) {
              out[dst + ox] += wk * src[row + ox * strideX + shift];
            }
          }
        }
      }
    }
  }

  /** First output column whose input column {@code ox * strideX + shift} is inside the image. */
  private int firstColumn(int shift) {
    return shift >= 0 ? 0 : (-shift + strideX - 1) / strideX;
  }

  /** Last output column whose input column lies inside an image {@code width} wide. */
  private int lastColumn(int shift, int width, int outWidth) {
    return Math.min(outWidth - 1, Math.floorDiv(width - 1 - shift, strideX));
  }

  // ---- Training: forward on raw buffers and backward (see Layer). ----

  /**
   * Whether the kernel gradient for input {@code in} takes the Vector API path: stride-1 windows
   * without padding (where {@link WideConvolution} applies, the output is then {@code (H - kh + 1,
   * W - kw + 1)}: valid, or same with a 1x1 kernel), and planes large enough for {@link
   * VectorConvolution}.
   */
  boolean vectorKernelGradient(Shape in) {
    return Acceleration.vectorApi()
        && WideConvolution.applies(this, in)
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
    if (WideConvolution.applies(this, inShape)) {
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
    int outPlane = outShape.height() * outShape.width();
    for (int f = 0; f < filters(); f++) {
      float b = params.length > 1 ? params[1][f] : 0f;
      java.util.Arrays.fill(out, f * outPlane, (f + 1) * outPlane, b);
      for (int c = 0; c < inputChannels(); c++) {
        accumulate(params[0], in, inShape, f, c, out, f * outPlane, outShape);
      }
    }
    activation.applyInPlace(out, outShape);
  }

  /**
   * Gradient accumulators: the kernel's as partial sums per output column, layout {@code [f][c][ky]
   * [kx][ox]}, and the bias's as {@code [f][ox]}; {@link #addGradients} sums over {@code ox}.
   */
  @Override
  int[] gradientBufferSizes(Shape input) {
    if (vectorKernelGradient(input)) {
      int kernelLanes = kernel.size() * VectorConvolutionGradients.lanes();
      return useBias ? new int[] {kernelLanes, filters()} : new int[] {kernelLanes};
    }
    if (WideConvolution.applies(this, input)) {
      return super.gradientBufferSizes(input);
    }
    int outWidth = outputShape(input).width();
    int kernelSums = kernel.size() * outWidth;
    return useBias ? new int[] {kernelSums, filters() * outWidth} : new int[] {kernelSums};
  }

  @Override
  void addGradients(float[][] buffers, Shape input, float[][] into) {
    if (vectorKernelGradient(input)) {
      VectorConvolutionGradients.reduce(buffers[0], into[0]);
      for (int p = 1; p < buffers.length; p++) {
        for (int i = 0; i < into[p].length; i++) {
          into[p][i] += buffers[p][i];
        }
      }
      return;
    }
    if (WideConvolution.applies(this, input)) {
      super.addGradients(buffers, input, into);
      return;
    }
    int outWidth = outputShape(input).width();
    for (int p = 0; p < buffers.length; p++) {
      float[] partial = buffers[p];
      float[] target = into[p];
      for (int i = 0; i < target.length; i++) {
        float sum = 0f;
        for (int ox = 0, j = i * outWidth; ox < outWidth; ox++, j++) {
          sum += partial[j];
        }
        target[i] += sum;
      }
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
    activation.scaleBySlopeAtOutput(gradOut, out);
    if (WideConvolution.applies(this, inShape)) {
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
        WideConvolution.kernelGradient(
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
    int outHeight = outShape.height();
    int outWidth = outShape.width();
    if (useBias) {
      float[] biasSums = gradBuffers[1];
      for (int f = 0; f < filters(); f++) {
        int dst = f * outWidth;
        for (int oy = 0; oy < outHeight; oy++) {
          int g = (f * outHeight + oy) * outWidth;
          for (int ox = 0; ox < outWidth; ox++) {
            biasSums[dst + ox] += gradOut[g + ox];
          }
        }
      }
    }
    if (gradIn != null) {
      java.util.Arrays.fill(gradIn, 0f);
    }
    for (int f = 0; f < filters(); f++) {
      for (int c = 0; c < inputChannels(); c++) {
        ConvolutionGradients.add(
            this, params[0], in, inShape, gradOut, outShape, f, c, gradBuffers[0], gradIn);
      }
    }
  }
}
