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
      float[] out = StrideOneConvolution.compute(this, input, outputShape);
      activation.applyInPlace(out, outputShape);
      return out;
    }
    float[] out = new float[outputShape.size()];
    int outPlane = outputShape.height() * outputShape.width();
    for (int f = 0; f < filters(); f++) {
      float b = bias.data[f];
      java.util.Arrays.fill(out, f * outPlane, (f + 1) * outPlane, b);
      for (int c = 0; c < inputChannels(); c++) {
        accumulate(input, f, c, out, f * outPlane, outputShape);
      }
    }
    activation.applyInPlace(out, outputShape);
    return out;
  }

  /**
   * Adds the cross-correlation of input channel {@code channel} with kernel slice {@code (filter,
   * channel)} to {@code out[offset ...]}, one output plane of shape {@code outputShape}'s height
   * and width. Rows are the inner loop so that the JIT can vectorise them.
   */
  void accumulate(
      Tensor input, int filter, int channel, float[] out, int offset, Shape outputShape) {
    Shape in = input.shape;
    int height = in.height();
    int width = in.width();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    int kh = kernelHeight();
    int kw = kernelWidth();
    int padTop = padding.padBefore(height, kh, strideY);
    int padLeft = padding.padBefore(width, kw, strideX);
    float[] src = input.data;
    float[] w = kernel.data;
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
          // First and last output columns whose input column lies inside the image.
          int first = shift >= 0 ? 0 : (-shift + strideX - 1) / strideX;
          int last = Math.min(outWidth - 1, Math.floorDiv(width - 1 - shift, strideX));
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
}
