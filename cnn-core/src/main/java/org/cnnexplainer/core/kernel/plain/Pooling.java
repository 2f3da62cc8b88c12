package org.cnnexplainer.core.kernel.plain;

import java.util.Arrays;
import org.cnnexplainer.core.kernel.Window;

/**
 * Max and average pooling for any window, stride and padding. Padded cells are left out: max
 * pooling never picks them and average pooling divides by the window's cells inside the input.
 */
public final class Pooling {
  private Pooling() {}

  /**
   * Whole output rows are updated once per window cell, which keeps the loops branch-free and lets
   * the JIT vectorise them.
   */
  public static void forward(Window g, boolean max, float[] src, float[] out) {
    int height = g.height();
    int width = g.width();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    int strideX = g.strideX();
    for (int c = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++) {
        int dst = (c * outHeight + oy) * outWidth;
        Arrays.fill(out, dst, dst + outWidth, max ? Float.NEGATIVE_INFINITY : 0f);
        int y0 = Math.max(g.top(oy), 0);
        int y1 = Math.min(g.top(oy) + g.kernelHeight(), height);
        for (int y = y0; y < y1; y++) {
          int row = (c * height + y) * width;
          for (int kx = 0; kx < g.kernelWidth(); kx++) {
            int shift = kx - g.padLeft();
            int first = StridedConvolution.firstColumn(shift, strideX);
            int last = StridedConvolution.lastColumn(shift, strideX, width, outWidth);
            for (int ox = first, x = row + first * strideX + shift;
                ox <= last;
                ox++, x += strideX) {
              out[dst + ox] = max ? Math.max(out[dst + ox], src[x]) : out[dst + ox] + src[x];
            }
          }
        }
        if (!max) {
          for (int ox = 0; ox < outWidth; ox++) {
            int x0 = Math.max(g.left(ox), 0);
            int x1 = Math.min(g.left(ox) + g.kernelWidth(), width);
            out[dst + ox] /= (y1 - y0) * (x1 - x0);
          }
        }
      }
    }
  }

  /**
   * Overwrites {@code gradIn}. Max: each output's gradient goes to the first input cell of its
   * window that holds the maximum (row-major, as TF; the first cell when the maximum is NaN).
   * Average: spread evenly over the window's cells inside the input.
   */
  public static void backward(
      Window g, boolean max, float[] src, float[] out, float[] gradOut, float[] gradIn) {
    Arrays.fill(gradIn, 0, g.inputSize(), 0f);
    int height = g.height();
    int width = g.width();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    for (int c = 0; c < g.channels(); c++) {
      int plane = c * height * width;
      for (int oy = 0; oy < outHeight; oy++) {
        int y0 = Math.max(g.top(oy), 0);
        int y1 = Math.min(g.top(oy) + g.kernelHeight(), height);
        for (int ox = 0; ox < outWidth; ox++) {
          int x0 = Math.max(g.left(ox), 0);
          int x1 = Math.min(g.left(ox) + g.kernelWidth(), width);
          int o = (c * outHeight + oy) * outWidth + ox;
          float grad = gradOut[o];
          if (max) {
            gradIn[argmax(src, plane, width, y0, y1, x0, x1, out[o])] += grad;
          } else {
            float share = grad / ((y1 - y0) * (x1 - x0));
            for (int y = y0; y < y1; y++) {
              for (int x = x0; x < x1; x++) {
                gradIn[plane + y * width + x] += share;
              }
            }
          }
        }
      }
    }
  }

  private static int argmax(
      float[] src, int plane, int width, int y0, int y1, int x0, int x1, float max) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (src[plane + y * width + x] == max) {
          return plane + y * width + x;
        }
      }
    }
    return plane + y0 * width + x0;
  }
}
