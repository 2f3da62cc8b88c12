package org.cnnexplainer.core.kernel.plain;

import java.util.Arrays;
import org.cnnexplainer.core.kernel.Window;

/**
 * Convolutions with a stride above 1, in plain Java: loops along output rows that the JIT can
 * vectorise, one (filter, input channel) pair at a time. Padding is handled by clipping each tap's
 * range of output columns to those that read inside the input.
 *
 * <p>Backward, with {@code g = dLoss/dOut}: {@code dW[f][c][ky][kx] = sum_{oy,ox} g[f][oy][ox] *
 * in[c][iy][ix]} and {@code dIn[c][iy][ix] += W[f][c][ky][kx] * g[f][oy][ox]}, where {@code iy =
 * top(oy) + ky} and {@code ix = left(ox) + kx}. The kernel and bias gradients are kept as partial
 * sums per output column ({@code [f][c][ky][kx][ox]} and {@code [f][ox]}), which {@link #reduce}
 * sums over {@code ox}, so that the per-sample loops stay vector loops.
 */
public final class StridedConvolution {
  private StridedConvolution() {}

  /** {@code out = bias + correlation}; {@code bias} may be null. */
  public static void forward(Window g, float[] in, float[] w, float[] bias, float[] out) {
    int outPlane = g.outHeight() * g.outWidth();
    for (int f = 0; f < g.filters(); f++) {
      Arrays.fill(out, f * outPlane, (f + 1) * outPlane, bias == null ? 0f : bias[f]);
      for (int c = 0; c < g.channels(); c++) {
        addPair(g, w, in, f, c, out, f * outPlane);
      }
    }
  }

  /** Sizes of the partial sums {@link #accumulate} adds to: kernel, then bias when there is one. */
  public static int[] gradientSizes(Window g, boolean bias) {
    int kernelSums = g.kernelSize() * g.outWidth();
    return bias ? new int[] {kernelSums, g.filters() * g.outWidth()} : new int[] {kernelSums};
  }

  /** Adds the partial sums of {@code buffers} (see {@link #gradientSizes}) to {@code into}. */
  public static void reduce(Window g, float[][] buffers, float[][] into) {
    int outWidth = g.outWidth();
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

  /** Adds this sample's kernel (and bias, when {@code buffers} has two) partial sums. */
  public static void accumulate(Window g, float[] in, float[] gradOut, float[][] buffers) {
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    if (buffers.length > 1) {
      float[] biasSums = buffers[1];
      for (int f = 0; f < g.filters(); f++) {
        int dst = f * outWidth;
        for (int oy = 0; oy < outHeight; oy++) {
          int row = (f * outHeight + oy) * outWidth;
          for (int ox = 0; ox < outWidth; ox++) {
            biasSums[dst + ox] += gradOut[row + ox];
          }
        }
      }
    }
    float[] kernelSums = buffers[0];
    forEachTapRow(
        g,
        (k, gradRow, inRow, shift, first, last) -> {
          int sums = k * outWidth;
          for (int ox = first; ox <= last; ox++) {
            kernelSums[sums + ox] += gradOut[gradRow + ox] * in[inRow + ox * g.strideX() + shift];
          }
        });
  }

  /** Overwrites {@code gradIn} with the input gradient. */
  public static void inputGradient(Window g, float[] w, float[] gradOut, float[] gradIn) {
    Arrays.fill(gradIn, 0, g.inputSize(), 0f);
    forEachTapRow(
        g,
        (k, gradRow, inRow, shift, first, last) -> {
          float wk = w[k];
          for (int ox = first; ox <= last; ox++) {
            gradIn[inRow + ox * g.strideX() + shift] += wk * gradOut[gradRow + ox];
          }
        });
  }

  /** One kernel tap over one output row: the output columns whose input lies inside the input. */
  private interface TapRow {
    /**
     * @param k the weight's index in the kernel
     * @param gradRow where the output row starts
     * @param inRow where the input row the tap reads starts
     * @param shift the tap's column offset from {@code ox * strideX}
     */
    void visit(int k, int gradRow, int inRow, int shift, int first, int last);
  }

  private static void forEachTapRow(Window g, TapRow visitor) {
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    for (int f = 0; f < g.filters(); f++) {
      for (int c = 0; c < g.channels(); c++) {
        int plane = c * g.height() * g.width();
        int kernelBase = (f * g.channels() + c) * kh * kw;
        for (int oy = 0; oy < outHeight; oy++) {
          int gradRow = (f * outHeight + oy) * outWidth;
          for (int ky = 0; ky < kh; ky++) {
            int iy = g.top(oy) + ky;
            if (iy < 0 || iy >= g.height()) {
              continue;
            }
            for (int kx = 0; kx < kw; kx++) {
              int shift = kx - g.padLeft();
              visitor.visit(
                  kernelBase + ky * kw + kx,
                  gradRow,
                  plane + iy * g.width(),
                  shift,
                  firstColumn(shift, g.strideX()),
                  lastColumn(shift, g.strideX(), g.width(), outWidth));
            }
          }
        }
      }
    }
  }

  // Rows are the inner loop so that the JIT can vectorise them.
  private static void addPair(Window g, float[] w, float[] src, int f, int c, float[] out, int at) {
    int height = g.height();
    int width = g.width();
    int outWidth = g.outWidth();
    int kh = g.kernelHeight();
    int kw = g.kernelWidth();
    int strideX = g.strideX();
    int srcPlane = c * height * width;
    int kernelBase = (f * g.channels() + c) * kh * kw;
    for (int oy = 0; oy < g.outHeight(); oy++) {
      int dst = at + oy * outWidth;
      for (int ky = 0; ky < kh; ky++) {
        int iy = g.top(oy) + ky;
        if (iy < 0 || iy >= height) {
          continue;
        }
        int row = srcPlane + iy * width;
        for (int kx = 0; kx < kw; kx++) {
          float wk = w[kernelBase + ky * kw + kx];
          int shift = kx - g.padLeft();
          int first = firstColumn(shift, strideX);
          int last = lastColumn(shift, strideX, width, outWidth);
          for (int ox = first, x = row + first * strideX + shift; ox <= last; ox++, x += strideX) {
            out[dst + ox] += wk * src[x];
          }
        }
      }
    }
  }

  /** First output column whose input column {@code ox * strideX + shift} is inside the image. */
  static int firstColumn(int shift, int strideX) {
    return shift >= 0 ? 0 : (-shift + strideX - 1) / strideX;
  }

  /** Last output column whose input column lies inside an image {@code width} wide. */
  static int lastColumn(int shift, int strideX, int width, int outWidth) {
    return Math.min(outWidth - 1, Math.floorDiv(width - 1 - shift, strideX));
  }
}
