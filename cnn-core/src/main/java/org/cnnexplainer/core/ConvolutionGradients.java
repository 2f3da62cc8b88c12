package org.cnnexplainer.core;

/**
 * The inner loops of {@link Conv2D}'s backward pass for one (filter, input channel) pair. With
 * {@code g = dLoss/dOut}: {@code dW[f][c][ky][kx] = sum_{oy,ox} g[f][oy][ox] * in[c][iy][ix]} and
 * {@code dIn[c][iy][ix] += W[f][c][ky][kx] * g[f][oy][ox]}, where {@code iy = oy*sh + ky - pt} and
 * {@code ix = ox*sw + kx - pl}. Both run along rows so that the JIT can vectorise them; the kernel
 * gradient is kept as partial sums per output column ({@code [f][c][ky][kx][ox]}).
 */
final class ConvolutionGradients {
  private ConvolutionGradients() {}

  static void add(
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
          int first = shift >= 0 ? 0 : (-shift + sx - 1) / sx;
          int last = Math.min(outWidth - 1, Math.floorDiv(width - 1 - shift, sx));
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
