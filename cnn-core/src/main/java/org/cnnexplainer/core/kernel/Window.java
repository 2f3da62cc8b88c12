package org.cnnexplainer.core.kernel;

import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;

/**
 * Where a sliding window reads, for one input shape: a convolution of {@code filters} kernels of
 * {@code kernelHeight x kernelWidth} over {@code (channels, height, width)} planes, or a pooling
 * (then {@code filters == channels}). Output cell {@code (oy, ox)} reads input rows from {@code oy
 * * strideY - padTop} and columns from {@code ox * strideX - padLeft}; cells outside the input are
 * padding.
 *
 * <p>Arrays are flat and row-major: input {@code (C, H, W)}, kernel {@code (F, C, kh, kw)}, output
 * {@code (F, outHeight, outWidth)}.
 */
public record Window(
    int channels,
    int height,
    int width,
    int filters,
    int kernelHeight,
    int kernelWidth,
    int strideY,
    int strideX,
    int padTop,
    int padLeft,
    int outHeight,
    int outWidth) {

  /** The window of {@code filters} kernels over an input of shape {@code in}, with TF's padding. */
  public static Window of(
      Shape in, int filters, int kh, int kw, int strideY, int strideX, Padding padding) {
    return new Window(
        in.channels(),
        in.height(),
        in.width(),
        filters,
        kh,
        kw,
        strideY,
        strideX,
        padding.padBefore(in.height(), kh, strideY),
        padding.padBefore(in.width(), kw, strideX),
        padding.outputSize(in.height(), kh, strideY),
        padding.outputSize(in.width(), kw, strideX));
  }

  /** Whether this window reads inputs of shape {@code input} (an image). */
  public boolean isFor(Shape input) {
    return input.channels() == channels && input.height() == height && input.width() == width;
  }

  /** Input row of the first window row of output row {@code oy}; negative in the top padding. */
  public int top(int oy) {
    return oy * strideY - padTop;
  }

  /** Input column of the first window column of output column {@code ox}. */
  public int left(int ox) {
    return ox * strideX - padLeft;
  }

  /** Weights per filter: {@code channels * kernelHeight * kernelWidth}. */
  public int taps() {
    return channels * kernelHeight * kernelWidth;
  }

  /** Values in one input. */
  public int inputSize() {
    return channels * height * width;
  }

  /** Values in one output. */
  public int outputSize() {
    return filters * outHeight * outWidth;
  }

  /** Values in the kernel {@code (F, C, kh, kw)}. */
  public int kernelSize() {
    return filters * taps();
  }

  /** True for stride 1 in both directions: then the window is a correlation of a padded input. */
  public boolean strideOne() {
    return strideY == 1 && strideX == 1;
  }

  /** For stride 1: the height of the zero-padded input whose valid correlation gives the output. */
  public int paddedHeight() {
    return outHeight + kernelHeight - 1;
  }

  /** For stride 1: the width of the zero-padded input. */
  public int paddedWidth() {
    return outWidth + kernelWidth - 1;
  }

  /** For stride 1: whether the input must be copied into a zero-padded plane first. */
  public boolean padded() {
    return padTop != 0 || padLeft != 0 || paddedHeight() != height || paddedWidth() != width;
  }

  /**
   * The same window read as a valid correlation of its padded input (stride 1 only); this window
   * itself when it has no padding.
   */
  public Window valid() {
    if (!padded()) {
      return this;
    }
    return new Window(
        channels,
        paddedHeight(),
        paddedWidth(),
        filters,
        kernelHeight,
        kernelWidth,
        1,
        1,
        0,
        0,
        outHeight,
        outWidth);
  }

  /**
   * Fills and returns {@code shift}: for a valid stride-1 window, where tap {@code t = (c * kh +
   * ky) * kw + kx} (the kernel's own order) starts reading. Output cell {@code (oy, ox)}, computed
   * at {@code e = oy * width + ox} of rows as wide as the input, reads the input at {@code shift[t]
   * + e}, so every tap is a plain shift of one long row per channel.
   */
  public int[] tapShifts(int[] shift) {
    for (int c = 0, t = 0; c < channels; c++) {
      for (int ky = 0; ky < kernelHeight; ky++) {
        for (int kx = 0; kx < kernelWidth; kx++, t++) {
          shift[t] = (c * height + ky) * width + kx;
        }
      }
    }
    return shift;
  }

  /**
   * For a valid stride-1 window: the cells from the first output cell to the last, in rows as wide
   * as the input ({@code (outHeight - 1) * width + outWidth}).
   */
  public int span() {
    return (outHeight - 1) * width + outWidth;
  }
}
