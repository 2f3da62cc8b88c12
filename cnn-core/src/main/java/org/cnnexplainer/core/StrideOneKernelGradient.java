package org.cnnexplainer.core;

/**
 * The plain-Java kernel and bias gradients of a convolution that is a valid correlation of its
 * input ({@link Correlation#isValid}, all of Tiny VGG); the Vector API counterpart is {@link
 * VectorConvolutionGradients}. Output cell {@code (oy, ox)} sits at {@code p = oy * W + ox} of rows
 * as wide as the input, so that every kernel tap reads the input at one shift of {@code p}.
 */
final class StrideOneKernelGradient {
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
   * and {@code sum_p g[f][p]} to {@code gradBias} (when not null).
   */
  static void compute(
      Conv2D conv,
      float[] in,
      Shape inShape,
      float[] gradOut,
      Shape outShape,
      float[] gradKernel,
      float[] gradBias) {
    int width = inShape.width();
    int outHeight = outShape.height();
    int outWidth = outShape.width();
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int channels = conv.inputChannels();
    int len = (outHeight - 1) * width + outWidth;
    int taps = channels * kh * kw;
    // col[p * taps + t] = the input under tap t = (c, ky, kx) at wide position p (im2col, one row
    // per position), so that dW[f][0 .. taps) += g[f][p] * col[p][0 .. taps) is a vector loop.
    float[] col = scratch(len * taps);
    int[] shift = new int[taps];
    Correlation.tapShifts(shift, 0, channels, inShape.height(), width, kh, kw);
    for (int p = 0; p < len; p++) {
      int row = p * taps;
      for (int t = 0; t < taps; t++) {
        col[row + t] = in[shift[t] + p];
      }
    }
    for (int f = 0; f < conv.filters(); f++) {
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
