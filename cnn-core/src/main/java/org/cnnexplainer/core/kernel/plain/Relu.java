package org.cnnexplainer.core.kernel.plain;

/** The ReLU's forward and backward passes in plain Java. */
public final class Relu {
  private Relu() {}

  /** {@code out[i] = Math.max(in[i], 0)}. */
  public static void forward(float[] in, float[] out) {
    for (int i = 0; i < in.length; i++) {
      out[i] = Math.max(in[i], 0f);
    }
  }

  /**
   * {@code dst[i] = x[i] > 0 ? g[i] : 0}, without branches: a float select compiles to a jump on
   * x86, which mispredicts on the coin-toss signs of activations. A positive float (up to infinity,
   * not NaN) has int bits in {@code [1, 0x7f800000]}; the mask keeps {@code g}'s bits there.
   */
  public static void passWherePositive(float[] x, float[] g, float[] dst) {
    for (int i = 0; i < dst.length; i++) {
      int m = Float.floatToRawIntBits(x[i]) - 1;
      int mask = ((m - 0x7f800000) >> 31) & ~(m >> 31);
      dst[i] = Float.intBitsToFloat(Float.floatToRawIntBits(g[i]) & mask);
    }
  }
}
