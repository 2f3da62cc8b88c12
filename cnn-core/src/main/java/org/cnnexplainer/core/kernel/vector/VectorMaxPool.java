package org.cnnexplainer.core.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.cnnexplainer.core.kernel.Window;

/**
 * The 2x2, stride-2, valid max pooling ({@code plain.MaxPoolTwoByTwo}'s forward pass) with the
 * incubating Vector API; loaded only when the module is present.
 *
 * <p>The plain loop takes the pairs of a row one by one (the JIT does not vectorise reads at {@code
 * 2 * ox} and {@code 2 * ox + 1}). Here a vector of the two rows' maximum is compared with the same
 * one cell further on, so its even lanes hold the maxima of the windows; seen as 64-bit lanes,
 * those are the low halves, which one narrowing conversion packs into a half-width vector of
 * outputs. (Shuffling even and odd lanes apart is 4x slower on JDK 17, which boxes two-vector
 * shuffles.) Measured on AVX-512 only, so used only with 512-bit vectors: 60x60 -> 30x30 on 10
 * channels in 4.3 µs against 11.0 µs in plain Java.
 */
public final class VectorMaxPool {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final VectorSpecies<Integer> HALF =
      IntVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(SPECIES.vectorBitSize() / 2));
  private static final int OUTPUTS = LANES / 2;

  private VectorMaxPool() {}

  /** Whether 2x2 window {@code g} is pooled here: 512-bit vectors, rows of at least 8 outputs. */
  public static boolean fits(Window g) {
    return LANES >= 16 && g.outWidth() >= OUTPUTS;
  }

  /**
   * {@code out[c][oy][ox] = max of in[c][2oy .. 2oy + 1][2ox .. 2ox + 1]}, for a 2x2, stride-2
   * window {@code g} with every window inside the input and {@link #fits}. The last vector of a row
   * is moved back to end at the row's end (it recomputes a few cells).
   */
  public static void forward(Window g, float[] src, float[] out) {
    int width = g.width();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    // The shifted loads read one cell past the window's last (lane 15's, which is not used).
    int lastSafe = src.length - width - LANES - 1;
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++, o += outWidth) {
        int top = (c * g.height() + 2 * oy) * width;
        for (int ox = 0; ox < outWidth; ox += OUTPUTS) {
          int x = Math.min(ox, outWidth - OUTPUTS);
          int a = top + 2 * x;
          if (a > lastSafe) {
            scalar(src, a, width, out, o + x);
            continue;
          }
          FloatVector here =
              FloatVector.fromArray(SPECIES, src, a)
                  .max(FloatVector.fromArray(SPECIES, src, a + width));
          FloatVector next =
              FloatVector.fromArray(SPECIES, src, a + 1)
                  .max(FloatVector.fromArray(SPECIES, src, a + width + 1));
          here.max(next)
              .reinterpretAsLongs()
              .convertShape(VectorOperators.L2I, HALF, 0)
              .reinterpretAsFloats()
              .intoArray(out, o + x);
        }
      }
    }
  }

  /** One vector's outputs cell by cell, at the end of the input. */
  private static void scalar(float[] src, int a, int width, float[] out, int o) {
    for (int k = 0; k < OUTPUTS; k++) {
      int p = a + 2 * k;
      out[o + k] =
          Math.max(Math.max(src[p], src[p + 1]), Math.max(src[p + width], src[p + width + 1]));
    }
  }
}
