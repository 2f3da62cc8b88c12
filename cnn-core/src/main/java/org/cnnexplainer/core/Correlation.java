package org.cnnexplainer.core;

import java.util.Arrays;

/**
 * Valid stride-1 cross-correlation, which computes every stride-1 convolution's output and, in
 * training, its input gradient: on the Vector API path ({@link VectorConvolution}) when {@link
 * Acceleration#vectorApi()} is on and the output plane is large enough, else in plain Java ({@link
 * StrideOneConvolution}). The two agree within float rounding.
 *
 * <p>The input gradient {@code dIn[c][y][x] = sum_{f,ky,kx} W[f][c][ky][kx] * g[f][y - ky][x - kx]}
 * is a valid correlation of {@code g} zero-padded by {@code (kh - 1, kw - 1)} on every side with
 * the flipped kernel, channels and filters swapped.
 */
final class Correlation {
  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private Correlation() {}

  /**
   * Whether {@code conv} on input {@code in} is a valid correlation of the input as it is: stride
   * 1, no padding before, and an output of {@code (H - kh + 1, W - kw + 1)} (valid padding, or same
   * with a 1x1 kernel). Training then runs through {@link #valid} and {@link #inputGradient}.
   */
  static boolean isValid(Conv2D conv, Shape in) {
    return conv.strideX() == 1
        && conv.strideY() == 1
        && conv.padding().padBefore(in.height(), conv.kernelHeight(), 1) == 0
        && conv.padding().padBefore(in.width(), conv.kernelWidth(), 1) == 0
        && conv.padding().outputSize(in.height(), conv.kernelHeight(), 1) + conv.kernelHeight() - 1
            <= in.height()
        && conv.padding().outputSize(in.width(), conv.kernelWidth(), 1) + conv.kernelWidth() - 1
            <= in.width();
  }

  /**
   * Fills {@code shift[t]} with where tap {@code t = (c * kh + ky) * kw + kx} (the kernel's own
   * order) starts reading planes {@code (C, H, W)} stored from {@code offset}: output cell {@code e
   * = oy * W + ox} reads the input at {@code shift[t] + e}.
   */
  static void tapShifts(
      int[] shift, int offset, int channels, int height, int width, int kh, int kw) {
    for (int c = 0, t = 0; c < channels; c++) {
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++, t++) {
          shift[t] = offset + (c * height + ky) * width + kx;
        }
      }
    }
  }

  /** A stride-1 layer's output before its activation, for any padding. */
  static float[] layerOutput(Conv2D conv, Tensor input, Shape outputShape) {
    Shape in = input.shape;
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int paddedHeight = outputShape.height() + kh - 1;
    int paddedWidth = outputShape.width() + kw - 1;
    float[] src =
        padded(
            input,
            paddedHeight,
            paddedWidth,
            conv.padding().padBefore(in.height(), kh, 1),
            conv.padding().padBefore(in.width(), kw, 1));
    float[] out = new float[outputShape.size()];
    valid(
        src,
        0,
        in.channels(),
        paddedHeight,
        paddedWidth,
        conv.kernel().data,
        conv.bias().data,
        conv.filters(),
        kh,
        kw,
        out,
        0);
    return out;
  }

  /**
   * Writes {@code out (F, H - kh + 1, W - kw + 1)} at {@code outOffset} = bias + valid
   * cross-correlation of {@code src (C, H, W)} at {@code srcOffset} with {@code w (F, C, kh, kw)}.
   * {@code bias} may be null.
   */
  static void valid(
      float[] src,
      int srcOffset,
      int channels,
      int height,
      int width,
      float[] w,
      float[] bias,
      int filters,
      int kh,
      int kw,
      float[] out,
      int outOffset) {
    if (Acceleration.vectorApi()
        && VectorConvolution.fits(height - kh + 1, width - kw + 1, width)) {
      VectorConvolution.correlate(
          src, srcOffset, channels, height, width, w, bias, filters, kh, kw, out, outOffset);
    } else {
      StrideOneConvolution.correlate(
          src, srcOffset, channels, height, width, w, bias, filters, kh, kw, out, outOffset);
    }
  }

  /**
   * Overwrites {@code gradIn (C, H, W)} with the input gradient for weights {@code w (F, C, kh,
   * kw)} and {@code gradOut (F, H - kh + 1, W - kw + 1)}.
   */
  static void inputGradient(
      float[] w,
      int channels,
      int height,
      int width,
      float[] gradOut,
      int filters,
      int kh,
      int kw,
      float[] gradIn) {
    int outHeight = height - kh + 1;
    int outWidth = width - kw + 1;
    int paddedHeight = height + kh - 1;
    int paddedWidth = width + kw - 1;
    int taps = kh * kw;
    Workspace ws =
        WORKSPACE.get().ensure(filters * paddedHeight * paddedWidth, channels * filters * taps);
    float[] padded = ws.padded;
    Arrays.fill(padded, 0, filters * paddedHeight * paddedWidth, 0f);
    for (int f = 0; f < filters; f++) {
      for (int oy = 0; oy < outHeight; oy++) {
        System.arraycopy(
            gradOut,
            (f * outHeight + oy) * outWidth,
            padded,
            (f * paddedHeight + oy + kh - 1) * paddedWidth + kw - 1,
            outWidth);
      }
    }
    float[] flipped = ws.flipped;
    for (int f = 0; f < filters; f++) {
      for (int c = 0; c < channels; c++) {
        int from = (f * channels + c) * taps;
        int to = (c * filters + f) * taps + taps - 1;
        for (int k = 0; k < taps; k++) {
          flipped[to - k] = w[from + k];
        }
      }
    }
    valid(
        padded, 0, filters, paddedHeight, paddedWidth, flipped, null, channels, kh, kw, gradIn, 0);
  }

  /** The input with zero borders so that a valid correlation gives the padded result. */
  static float[] padded(Tensor input, int height, int width, int top, int left) {
    Shape in = input.shape;
    if (height == in.height() && width == in.width()) {
      return input.data;
    }
    float[] dst = new float[in.channels() * height * width];
    int rows = Math.min(in.height(), height - top);
    int cols = Math.min(in.width(), width - left);
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        System.arraycopy(
            input.data,
            (c * in.height() + y) * in.width(),
            dst,
            (c * height + y + top) * width + left,
            cols);
      }
    }
    return dst;
  }

  /** Per-thread scratch arrays, grown on demand. */
  private static final class Workspace {
    float[] padded = new float[0];
    float[] flipped = new float[0];

    Workspace ensure(int paddedSize, int weights) {
      if (padded.length < paddedSize) {
        padded = new float[paddedSize];
      }
      if (flipped.length < weights) {
        flipped = new float[weights];
      }
      return this;
    }
  }
}
