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
      ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

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
            float w0 = w[k];
            float w1 = w[k + 1];
            float w2 = w[k + 2];
            for (int p = 0; p < len; p++) {
              wide[p] += w0 * in[src + p] + w1 * in[src + p + 1] + w2 * in[src + p + 2];
            }
          } else {
            for (int kx = 0; kx < kw; kx++) {
              float wk = w[k + kx];
              int s = src + kx;
              for (int p = 0; p < len; p++) {
                wide[p] += wk * in[s + p];
              }
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
    // g in wide layout with kw - 1 leading zeros, so that the input-gradient loop can gather.
    int lead = kw - 1;
    float[] g = scratch(1, len + 2 * lead);
    if (gradIn != null) {
      Arrays.fill(gradIn, 0f);
    }
    for (int f = 0; f < conv.filters(); f++) {
      Arrays.fill(g, 0f);
      int src = f * outHeight * outWidth;
      float biasSum = 0f;
      for (int oy = 0; oy < outHeight; oy++) {
        System.arraycopy(gradOut, src + oy * outWidth, g, lead + oy * width, outWidth);
        for (int ox = 0; ox < outWidth; ox++) {
          biasSum += gradOut[src + oy * outWidth + ox];
        }
      }
      if (gradBias != null) {
        gradBias[f] += biasSum;
      }
      for (int c = 0; c < channels; c++) {
        for (int ky = 0; ky < kh; ky++) {
          int k = ((f * channels + c) * kh + ky) * kw;
          int base = c * plane + ky * width;
          for (int kx = 0; kx < kw; kx++) {
            gradKernel[k + kx] += dot(g, lead, in, base + kx, len);
          }
          if (gradIn == null) {
            continue;
          }
          if (kw == 3) {
            float w0 = w[k];
            float w1 = w[k + 1];
            float w2 = w[k + 2];
            for (int q = 0; q < len + 2; q++) {
              gradIn[base + q] += w0 * g[q + 2] + w1 * g[q + 1] + w2 * g[q];
            }
          } else {
            for (int kx = 0; kx < kw; kx++) {
              float wk = w[k + kx];
              int d = base + kx;
              for (int p = 0; p < len; p++) {
                gradIn[d + p] += wk * g[lead + p];
              }
            }
          }
        }
      }
    }
  }

  /** A dot product with eight independent partial sums (a single sum chain would not pipeline). */
  private static float dot(float[] a, int ao, float[] b, int bo, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    float s4 = 0;
    float s5 = 0;
    float s6 = 0;
    float s7 = 0;
    int i = 0;
    for (; i + 8 <= n; i += 8) {
      s0 += a[ao + i] * b[bo + i];
      s1 += a[ao + i + 1] * b[bo + i + 1];
      s2 += a[ao + i + 2] * b[bo + i + 2];
      s3 += a[ao + i + 3] * b[bo + i + 3];
      s4 += a[ao + i + 4] * b[bo + i + 4];
      s5 += a[ao + i + 5] * b[bo + i + 5];
      s6 += a[ao + i + 6] * b[bo + i + 6];
      s7 += a[ao + i + 7] * b[bo + i + 7];
    }
    for (; i < n; i++) {
      s0 += a[ao + i] * b[bo + i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }
}
