package org.cnnexplainer.core.kernel;

import java.util.Arrays;

/**
 * The layers' formulas as plain loops, summed in {@code double}: the one written-out copy of each
 * definition. The explanations ({@code core.explain}) compute what a learner sees with them, and
 * every test of a fast path ({@link Kernels}) compares against them. Slow on purpose; nothing on a
 * hot path calls this class.
 *
 * <p>Layouts as in {@link Window}: input {@code (C, H, W)}, kernel {@code (F, C, kh, kw)}, output
 * {@code (F, Ho, Wo)}; dense kernels {@code (I, J)} as in TF.js. Cells outside the input are
 * padding: zero for a convolution, left out for pooling.
 */
public final class Reference {
  private Reference() {}

  /**
   * One channel's share of one output value: {@code sum_ky sum_kx in[c][top + ky][left + kx] *
   * kernel[f][c][ky][kx]} over the window cells inside the input. Each float product is exact in
   * double, so only the additions round.
   */
  public static double windowSum(
      Window g, float[] in, float[] kernel, int f, int c, int top, int left) {
    double sum = 0;
    for (int ky = 0; ky < g.kernelHeight(); ky++) {
      int y = top + ky;
      if (y < 0 || y >= g.height()) {
        continue;
      }
      for (int kx = 0; kx < g.kernelWidth(); kx++) {
        int x = left + kx;
        if (x >= 0 && x < g.width()) {
          sum +=
              (double) in[(c * g.height() + y) * g.width() + x] * kernel[weight(g, f, c, ky, kx)];
        }
      }
    }
    return sum;
  }

  /**
   * Convolution (cross-correlation): {@code out[f][oy][ox] = bias[f] + sum_c windowSum(f, c,
   * top(oy), left(ox))}. {@code bias} may be null (no bias).
   */
  public static void correlate(Window g, float[] in, float[] kernel, float[] bias, float[] out) {
    for (int f = 0, o = 0; f < g.filters(); f++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++, o++) {
          double sum = bias == null ? 0 : bias[f];
          for (int c = 0; c < g.channels(); c++) {
            sum += windowSum(g, in, kernel, f, c, g.top(oy), g.left(ox));
          }
          out[o] = (float) sum;
        }
      }
    }
  }

  /**
   * The convolution's input gradient, overwriting {@code gradIn}: {@code gradIn[c][y][x] = sum of
   * kernel[f][c][ky][kx] * gradOut[f][oy][ox]} over every output cell whose window reads {@code (y,
   * x)} through tap {@code (ky, kx)}.
   */
  public static void correlationInputGradient(
      Window g, float[] kernel, float[] gradOut, float[] gradIn) {
    double[] sums = new double[g.inputSize()];
    forEachTap(
        g,
        (f, c, ky, kx, o, i) -> sums[i] += (double) kernel[weight(g, f, c, ky, kx)] * gradOut[o]);
    for (int i = 0; i < sums.length; i++) {
      gradIn[i] = (float) sums[i];
    }
  }

  /**
   * The convolution's parameter gradients, overwriting both: {@code gradKernel[f][c][ky][kx] =
   * sum_{oy,ox} gradOut[f][oy][ox] * in[c][top(oy) + ky][left(ox) + kx]} (padding reads zero) and
   * {@code gradBias[f] = sum_{oy,ox} gradOut[f][oy][ox]}. {@code gradBias} may be null.
   */
  public static void correlationKernelGradient(
      Window g, float[] in, float[] gradOut, float[] gradKernel, float[] gradBias) {
    double[] sums = new double[g.kernelSize()];
    forEachTap(
        g, (f, c, ky, kx, o, i) -> sums[weight(g, f, c, ky, kx)] += (double) gradOut[o] * in[i]);
    for (int w = 0; w < sums.length; w++) {
      gradKernel[w] = (float) sums[w];
    }
    if (gradBias != null) {
      int plane = g.outHeight() * g.outWidth();
      for (int f = 0; f < g.filters(); f++) {
        double sum = 0;
        for (int p = 0; p < plane; p++) {
          sum += gradOut[f * plane + p];
        }
        gradBias[f] = (float) sum;
      }
    }
  }

  /** Max pooling: {@code out[c][oy][ox]} = the largest input cell of the window (NaN wins). */
  public static void maxPool(Window g, float[] in, float[] out) {
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++, o++) {
          out[o] = in[firstLargest(g, in, c, oy, ox)];
        }
      }
    }
  }

  /**
   * Max pooling's input gradient, overwriting {@code gradIn}: each output's gradient goes to the
   * first cell of its window, in row-major order, that holds the maximum (as TF); a cell that is
   * the maximum of several windows receives the sum.
   */
  public static void maxPoolGradient(Window g, float[] in, float[] gradOut, float[] gradIn) {
    Arrays.fill(gradIn, 0, g.inputSize(), 0f);
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++, o++) {
          gradIn[firstLargest(g, in, c, oy, ox)] += gradOut[o];
        }
      }
    }
  }

  /** Average pooling: the mean of the window's cells inside the input (padding is left out). */
  public static void averagePool(Window g, float[] in, float[] out) {
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++, o++) {
          double sum = 0;
          int[] r = realCells(g, oy, ox);
          for (int y = r[0]; y < r[1]; y++) {
            for (int x = r[2]; x < r[3]; x++) {
              sum += in[(c * g.height() + y) * g.width() + x];
            }
          }
          out[o] = (float) (sum / ((r[1] - r[0]) * (r[3] - r[2])));
        }
      }
    }
  }

  /**
   * Average pooling's input gradient, overwriting {@code gradIn}: each output's gradient is shared
   * equally by its window's cells inside the input.
   */
  public static void averagePoolGradient(Window g, float[] gradOut, float[] gradIn) {
    double[] sums = new double[g.inputSize()];
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++, o++) {
          int[] r = realCells(g, oy, ox);
          double share = (double) gradOut[o] / ((r[1] - r[0]) * (r[3] - r[2]));
          for (int y = r[0]; y < r[1]; y++) {
            for (int x = r[2]; x < r[3]; x++) {
              sums[(c * g.height() + y) * g.width() + x] += share;
            }
          }
        }
      }
    }
    for (int i = 0; i < sums.length; i++) {
      gradIn[i] = (float) sums[i];
    }
  }

  /**
   * A fully connected layer: {@code out[j] = bias[j] + sum_i in[i] * kernel[i][j]}, kernel {@code
   * (I, J)}. {@code bias} may be null.
   */
  public static void dense(float[] in, float[] kernel, float[] bias, int units, float[] out) {
    for (int j = 0; j < units; j++) {
      double sum = bias == null ? 0 : bias[j];
      for (int i = 0; i < in.length; i++) {
        sum += (double) in[i] * kernel[i * units + j];
      }
      out[j] = (float) sum;
    }
  }

  /** The dense input gradient: {@code gradIn[i] = sum_j kernel[i][j] * gradOut[j]}. */
  public static void denseInputGradient(float[] kernel, float[] gradOut, float[] gradIn) {
    int units = gradOut.length;
    for (int i = 0; i < gradIn.length; i++) {
      double sum = 0;
      for (int j = 0; j < units; j++) {
        sum += (double) kernel[i * units + j] * gradOut[j];
      }
      gradIn[i] = (float) sum;
    }
  }

  /**
   * The dense parameter gradients, overwriting both: {@code gradKernel[i][j] = in[i] * gradOut[j]},
   * {@code gradBias[j] = gradOut[j]} ({@code gradBias} may be null).
   */
  public static void denseKernelGradient(
      float[] in, float[] gradOut, float[] gradKernel, float[] gradBias) {
    int units = gradOut.length;
    for (int i = 0; i < in.length; i++) {
      for (int j = 0; j < units; j++) {
        gradKernel[i * units + j] = in[i] * gradOut[j];
      }
    }
    if (gradBias != null) {
      System.arraycopy(gradOut, 0, gradBias, 0, units);
    }
  }

  /** Index of weight {@code (f, c, ky, kx)} in a {@code (F, C, kh, kw)} kernel. */
  private static int weight(Window g, int f, int c, int ky, int kx) {
    return ((f * g.channels() + c) * g.kernelHeight() + ky) * g.kernelWidth() + kx;
  }

  /** One (output cell, kernel tap) pair whose input cell lies inside the input. */
  private interface Tap {
    void visit(int f, int c, int ky, int kx, int outIndex, int inIndex);
  }

  /** Visits every pair of output cell and kernel tap that reads a cell inside the input. */
  private static void forEachTap(Window g, Tap tap) {
    for (int f = 0, o = 0; f < g.filters(); f++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        for (int ox = 0; ox < g.outWidth(); ox++, o++) {
          for (int c = 0; c < g.channels(); c++) {
            for (int ky = 0; ky < g.kernelHeight(); ky++) {
              for (int kx = 0; kx < g.kernelWidth(); kx++) {
                int y = g.top(oy) + ky;
                int x = g.left(ox) + kx;
                if (y >= 0 && y < g.height() && x >= 0 && x < g.width()) {
                  tap.visit(f, c, ky, kx, o, (c * g.height() + y) * g.width() + x);
                }
              }
            }
          }
        }
      }
    }
  }

  /** Rows {@code [r[0], r[1])} and columns {@code [r[2], r[3])} of a window inside the input. */
  private static int[] realCells(Window g, int oy, int ox) {
    return new int[] {
      Math.max(g.top(oy), 0),
      Math.min(g.top(oy) + g.kernelHeight(), g.height()),
      Math.max(g.left(ox), 0),
      Math.min(g.left(ox) + g.kernelWidth(), g.width())
    };
  }

  /**
   * Index of the first cell of window {@code (oy, ox)} of channel {@code c}, row-major, that holds
   * its maximum; the first cell when the maximum is NaN.
   */
  private static int firstLargest(Window g, float[] in, int c, int oy, int ox) {
    int[] r = realCells(g, oy, ox);
    float max = Float.NEGATIVE_INFINITY;
    for (int y = r[0]; y < r[1]; y++) {
      for (int x = r[2]; x < r[3]; x++) {
        max = Math.max(max, in[(c * g.height() + y) * g.width() + x]);
      }
    }
    for (int y = r[0]; y < r[1]; y++) {
      for (int x = r[2]; x < r[3]; x++) {
        int i = (c * g.height() + y) * g.width() + x;
        if (in[i] == max) {
          return i;
        }
      }
    }
    return (c * g.height() + r[0]) * g.width() + r[2];
  }
}
