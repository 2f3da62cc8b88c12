package org.cnnexplainer.core;

import java.util.Arrays;

/**
 * Fast paths of {@link Conv2D} for stride 1 without leading padding (all of Tiny VGG). Output row
 * {@code oy} is computed as if it were {@code W} (the input width) wide: then every kernel tap is
 * one long loop over {@code p = oy * W + ox}, {@code wide[p] += w * in[c][ky * W + kx + p]}, which
 * the JIT vectorises, instead of many loops as short as a row. The extra columns {@code ox >= Wo}
 * are thrown away (forward) or held at zero (backward).
 */
final class WideConvolution {
  private static final ThreadLocal<float[][]> SCRATCH =
      ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0], new float[0]});

  /** Zeros before the wide gradient, for the 3-tap gather loop. */
  private static final int LEAD = 2;

  private WideConvolution() {}

  /** True when the fast paths apply to {@code conv} with input {@code in}. */
  static boolean applies(Conv2D conv, Shape in) {
    return conv.strideX() == 1
        && conv.strideY() == 1
        && conv.padding().padBefore(in.height(), conv.kernelHeight(), 1) == 0
        && conv.padding().padBefore(in.width(), conv.kernelWidth(), 1) == 0
        && conv.padding().outputSize(in.height(), conv.kernelHeight(), 1) + conv.kernelHeight() - 1
            <= in.height()
        && conv.padding().outputSize(in.width(), conv.kernelWidth(), 1) + conv.kernelWidth() - 1
            <= in.width();
  }

  private static float[] scratch(int which, int size) {
    float[][] arrays = SCRATCH.get();
    if (arrays[which].length < size) {
      arrays[which] = new float[size];
    }
    return arrays[which];
  }

  /** {@code out[f] = bias[f] + sum_c sum_ky (sum_kx w * in)}, in the same order as the row code. */
  static void forward(
      Conv2D conv,
      float[] w,
      float[] bias,
      float[] in,
      Shape inShape,
      float[] out,
      Shape outShape) {
    int width = inShape.width();
    int plane = inShape.height() * width;
    int outHeight = outShape.height();
    int outWidth = outShape.width();
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int channels = conv.inputChannels();
    int len = (outHeight - 1) * width + outWidth;
    float[] wide = scratch(0, len);
    for (int f = 0; f < conv.filters(); f++) {
      Arrays.fill(wide, 0, len, bias == null ? 0f : bias[f]);
      for (int c = 0; c < channels; c++) {
        for (int ky = 0; ky < kh; ky++) {
          int k = ((f * channels + c) * kh + ky) * kw;
          int src = c * plane + ky * width;
          if (kw == 3) {
            // Three taps per pass: measured faster here than one loop per tap.
            float w0 = w[k];
            float w1 = w[k + 1];
            float w2 = w[k + 2];
            for (int p = 0; p < len; p++) {
              wide[p] += w0 * in[src + p] + w1 * in[src + p + 1] + w2 * in[src + p + 2];
            }
            continue;
          }
          for (int kx = 0; kx < kw; kx++) {
            float wk = w[k + kx];
            int s = src + kx;
            for (int p = 0; p < len; p++) {
              wide[p] += wk * in[s + p];
            }
          }
        }
      }
      int dst = f * outHeight * outWidth;
      for (int oy = 0; oy < outHeight; oy++) {
        System.arraycopy(wide, oy * width, out, dst + oy * outWidth, outWidth);
      }
    }
  }

  /**
   * Adds {@code dW[f][c][ky][kx] = sum_p g[f][p] * in[c][ky * W + kx + p]} to {@code gradKernel}
   * and {@code sum_p g[f][p]} to {@code gradBias} (when not null), and, unless {@code gradIn} is
   * null, overwrites it with {@code dIn[c][q] = sum_{f,ky,kx} w * g[f][q - ky * W - kx]}.
   */
  static void backward(
      Conv2D conv,
      float[] w,
      float[] in,
      Shape inShape,
      float[] gradOut,
      Shape outShape,
      float[] gradKernel,
      float[] gradBias,
      float[] gradIn) {
    int width = inShape.width();
    int plane = inShape.height() * width;
    int outHeight = outShape.height();
    int outWidth = outShape.width();
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int channels = conv.inputChannels();
    int len = (outHeight - 1) * width + outWidth;
    int taps = channels * kh * kw;
    // col[p * taps + t] = the input under tap t = (c, ky, kx) at wide position p (im2col, one row
    // per position), so that dW[f][0 .. taps) += g[f][p] * col[p][0 .. taps) is a vector loop.
    float[] col = scratch(2, len * taps);
    int[] shift = new int[taps];
    for (int c = 0, t = 0; c < channels; c++) {
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++, t++) {
          shift[t] = c * plane + ky * width + kx;
        }
      }
    }
    for (int p = 0; p < len; p++) {
      int row = p * taps;
      for (int t = 0; t < taps; t++) {
        col[row + t] = in[shift[t] + p];
      }
    }
    float[] g = scratch(1, len + 2 * LEAD);
    if (gradIn != null) {
      Arrays.fill(gradIn, 0f);
    }
    for (int f = 0; f < conv.filters(); f++) {
      int src = f * outHeight * outWidth;
      int base = f * taps;
      float biasSum = 0f;
      Arrays.fill(g, 0, len + 2 * LEAD, 0f);
      for (int oy = 0; oy < outHeight; oy++) {
        for (int ox = 0; ox < outWidth; ox++) {
          float gv = gradOut[src + oy * outWidth + ox];
          if (gv == 0f) {
            continue; // ReLU zeroes many gradients; they add nothing.
          }
          biasSum += gv;
          int p = oy * width + ox;
          g[LEAD + p] = gv;
          int row = p * taps;
          for (int t = 0; t < taps; t++) {
            gradKernel[base + t] += gv * col[row + t];
          }
        }
      }
      if (gradBias != null) {
        gradBias[f] += biasSum;
      }
      if (gradIn == null) {
        continue;
      }
      if (kw == 3) {
        // Gather form: gradIn[row + q] += w0 g[q] + w1 g[q - 1] + w2 g[q - 2], with g shifted by
        // LEAD so that q - 2 never goes below 0.
        for (int c = 0; c < channels; c++) {
          for (int ky = 0; ky < kh; ky++) {
            int k = base + (c * kh + ky) * 3;
            float w0 = w[k];
            float w1 = w[k + 1];
            float w2 = w[k + 2];
            int row = c * plane + ky * width;
            for (int q = 0; q < len + 2; q++) {
              gradIn[row + q] += w0 * g[q + 2] + w1 * g[q + 1] + w2 * g[q];
            }
          }
        }
        continue;
      }
      for (int t = 0; t < taps; t++) {
        float wk = w[base + t];
        int d = shift[t];
        for (int p = 0; p < len; p++) {
          gradIn[d + p] += wk * g[LEAD + p];
        }
      }
    }
  }
}
