package org.cnnexplainer.core;

import java.util.Arrays;

/**
 * {@link Conv2D} for any strides and padding, the path of convolutions that {@link Correlation}
 * does not cover (strided ones, and padded ones in training): loops along output rows that the JIT
 * can vectorise, one (filter, input channel) pair at a time.
 *
 * <p>Backward, with {@code g = dLoss/dOut}: {@code dW[f][c][ky][kx] = sum_{oy,ox} g[f][oy][ox] *
 * in[c][iy][ix]} and {@code dIn[c][iy][ix] += W[f][c][ky][kx] * g[f][oy][ox]}, where {@code iy =
 * oy*sh + ky - pt} and {@code ix = ox*sw + kx - pl}. The kernel and bias gradients are kept as
 * partial sums per output column ({@code [f][c][ky][kx][ox]} and {@code [f][ox]}), which {@link
 * #addGradients} sums over {@code ox}.
 */
final class StridedConvolution {
  private StridedConvolution() {}

  /** {@code out = bias + correlation}, before the activation. */
  static void forward(
      Conv2D conv, float[][] params, float[] in, Shape inShape, float[] out, Shape outShape) {
    int outPlane = outShape.height() * outShape.width();
    for (int f = 0; f < conv.filters(); f++) {
      float b = params.length > 1 ? params[1][f] : 0f;
      Arrays.fill(out, f * outPlane, (f + 1) * outPlane, b);
      for (int c = 0; c < conv.inputChannels(); c++) {
        accumulate(conv, params[0], in, inShape, f, c, out, f * outPlane, outShape);
      }
    }
  }

  static int[] gradientBufferSizes(Conv2D conv, Shape input) {
    int outWidth = conv.outputShape(input).width();
    int kernelSums = conv.kernel().size() * outWidth;
    return conv.useBias()
        ? new int[] {kernelSums, conv.filters() * outWidth}
        : new int[] {kernelSums};
  }

  static void addGradients(Conv2D conv, float[][] buffers, Shape input, float[][] into) {
    int outWidth = conv.outputShape(input).width();
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

  /** Adds to the partial sums and, unless {@code gradIn} is null, overwrites it. */
  static void backward(
      Conv2D conv,
      float[][] params,
      float[] in,
      Shape inShape,
      float[] gradOut,
      Shape outShape,
      float[] gradIn,
      float[][] gradBuffers) {
    int outHeight = outShape.height();
    int outWidth = outShape.width();
    if (conv.useBias()) {
      float[] biasSums = gradBuffers[1];
      for (int f = 0; f < conv.filters(); f++) {
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
      Arrays.fill(gradIn, 0f);
    }
    for (int f = 0; f < conv.filters(); f++) {
      for (int c = 0; c < conv.inputChannels(); c++) {
        addPair(conv, params[0], in, inShape, gradOut, outShape, f, c, gradBuffers[0], gradIn);
      }
    }
  }

  // Rows are the inner loop so that the JIT can vectorise them.
  private static void accumulate(
      Conv2D conv,
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
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int strideY = conv.strideY();
    int strideX = conv.strideX();
    int padTop = conv.padding().padBefore(height, kh, strideY);
    int padLeft = conv.padding().padBefore(width, kw, strideX);
    int srcPlane = channel * height * width;
    int kernelBase = (filter * conv.inputChannels() + channel) * kh * kw;
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
          int first = firstColumn(shift, strideX);
          int last = lastColumn(shift, strideX, width, outWidth);
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
  private static int firstColumn(int shift, int strideX) {
    return shift >= 0 ? 0 : (-shift + strideX - 1) / strideX;
  }

  /** Last output column whose input column lies inside an image {@code width} wide. */
  private static int lastColumn(int shift, int strideX, int width, int outWidth) {
    return Math.min(outWidth - 1, Math.floorDiv(width - 1 - shift, strideX));
  }

  private static void addPair(
      Conv2D conv,
      float[] w,
      float[] in,
      Shape inShape,
      float[] gradOut,
      Shape outShape,
      int f,
      int c,
      float[] kernelSums,
      float[] gradIn) {
    int height = inShape.height();
    int width = inShape.width();
    int outHeight = outShape.height();
    int outWidth = outShape.width();
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int sy = conv.strideY();
    int sx = conv.strideX();
    int padTop = conv.padding().padBefore(height, kh, sy);
    int padLeft = conv.padding().padBefore(width, kw, sx);
    int plane = c * height * width;
    int kernelBase = (f * conv.inputChannels() + c) * kh * kw;
    for (int oy = 0; oy < outHeight; oy++) {
      int g = (f * outHeight + oy) * outWidth;
      for (int ky = 0; ky < kh; ky++) {
        int iy = oy * sy + ky - padTop;
        if (iy < 0 || iy >= height) {
          continue;
        }
        int row = plane + iy * width;
        for (int kx = 0; kx < kw; kx++) {
          int k = kernelBase + ky * kw + kx;
          int shift = kx - padLeft;
          int first = firstColumn(shift, sx);
          int last = lastColumn(shift, sx, width, outWidth);
          int sums = k * outWidth;
          if (sx == 1) {
            int s = row + shift;
            for (int ox = first; ox <= last; ox++) {
              kernelSums[sums + ox] += gradOut[g + ox] * in[s + ox];
            }
            if (gradIn != null) {
              float wk = w[k];
              for (int ox = first; ox <= last; ox++) {
                gradIn[s + ox] += wk * gradOut[g + ox];
              }
            }
          } else {
            for (int ox = first; ox <= last; ox++) {
              kernelSums[sums + ox] += gradOut[g + ox] * in[row + ox * sx + shift];
            }
            if (gradIn != null) {
              float wk = w[k];
              for (int ox = first; ox <= last; ox++) {
                gradIn[row + ox * sx + shift] += wk * gradOut[g + ox];
              }
            }
          }
        }
      }
    }
  }
}
