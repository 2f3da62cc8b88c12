package org.cnnexplainer.core.kernel.plain;

import org.cnnexplainer.core.kernel.Window;

/**
 * The plain-Java kernel and bias gradients of a valid stride-1 correlation (every stride-1
 * convolution, once its input is padded); the Vector API counterpart is {@code
 * vector.VectorConvolutionGradients}. Output cell {@code (oy, ox)} sits at {@code p = oy * W + ox}
 * of rows as wide as the input, so that every kernel tap reads the input at one shift of {@code p}.
 */
public final class StrideOneKernelGradient {
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[][] {new float[0]});

  private StrideOneKernelGradient() {}

  private static float[] scratch(int size) {
    float[][] holder = SCRATCH.get();
    if (holder[0].length < size) {
      holder[0] = new float[size];
    }
    return holder[0];
  }

  /**
   * Adds {@code dW[f][c][ky][kx] = sum_p g[f][p] * in[c][ky * W + kx + p]} to {@code gradKernel}
   * and, unless it is null, {@code sum_p g[f][p]} to {@code gradBias}; {@code g} has stride 1 and
   * no padding.
   */
  public static void accumulate(
      Window g, float[] in, float[] gradOut, float[] gradKernel, float[] gradBias) {
    int width = g.width();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    int len = g.span();
    int taps = g.taps();
    // col[p * taps + t] = the input under tap t = (c, ky, kx) at wide position p (im2col, one row
    // per position), so that dW[f][0 .. taps) += g[f][p] * col[p][0 .. taps) is a vector loop.
    float[] col = scratch(len * taps);
    int[] shift = g.tapShifts(new int[taps]);
    for (int p = 0; p < len; p++) {
      int row = p * taps;
      for (int t = 0; t < taps; t++) {
        col[row + t] = in[shift[t] + p];
      }
    }
    for (int f = 0; f < g.filters(); f++) {
      int src = f * outHeight * outWidth;
      int base = f * taps;
      float biasSum = 0f;
      for (int oy = 0; oy < outHeight; oy++) {
        for (int ox = 0; ox < outWidth; ox++) {
          float gv = gradOut[src + oy * outWidth + ox];
          if (gv == 0f) {
            continue; // ReLU zeroes many gradients; they add nothing.
          }
          biasSum += gv;
          int row = (oy * width + ox) * taps;
          for (int t = 0; t < taps; t++) {
            gradKernel[base + t] += gv * col[row + t];
          }
        }
      }
      if (gradBias != null) {
        gradBias[f] += biasSum;
      }
    }
  }
}
