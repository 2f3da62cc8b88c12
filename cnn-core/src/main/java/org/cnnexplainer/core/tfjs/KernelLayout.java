package org.cnnexplainer.core.tfjs;

/**
 * Converts convolution kernels between TF.js's {@code [kh, kw, in, out]} (HWIO) and this library's
 * {@code (out, in, kh, kw)} (OIHW); both are row-major over their shapes.
 */
final class KernelLayout {
  private KernelLayout() {}

  /** HWIO values of shape {@code [kh, kw, in, out]} to OIHW. */
  static float[] hwioToOihw(float[] hwio, int kh, int kw, int in, int out) {
    float[] oihw = new float[hwio.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int c = 0; c < in; c++) {
          for (int f = 0; f < out; f++) {
            oihw[((f * in + c) * kh + y) * kw + x] = hwio[((y * kw + x) * in + c) * out + f];
          }
        }
      }
    }
    return oihw;
  }

  /** OIHW values of shape {@code (out, in, kh, kw)} to HWIO. */
  static float[] oihwToHwio(float[] oihw, int kh, int kw, int in, int out) {
    float[] hwio = new float[oihw.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int c = 0; c < in; c++) {
          for (int f = 0; f < out; f++) {
            hwio[((y * kw + x) * in + c) * out + f] = oihw[((f * in + c) * kh + y) * kw + x];
          }
        }
      }
    }
    return hwio;
  }
}
