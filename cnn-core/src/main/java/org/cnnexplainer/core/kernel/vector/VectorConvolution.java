package org.cnnexplainer.core.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.cnnexplainer.core.kernel.Window;

/**
 * The valid stride-1 cross-correlation written with the incubating Vector API; loaded only when the
 * module is present ({@code Kernels} checks).
 *
 * <p>Like {@code plain.StrideOneConvolution}, it reads the (zero-padded) input as one long row per
 * channel and computes output cell {@code (oy, ox)} at {@code e = oy * Wp + ox}, so each kernel tap
 * is a plain shift. Unlike the JIT's auto-vectoriser, explicit vectors can keep a tile of sums in
 * registers for the whole sum over taps: one load of a shifted input vector feeds four filters (two
 * vectors of cells each), or two filters (four vectors each) for the rest, so the loop is bound by
 * fused multiply-adds rather than by loads and stores of partial sums. Tiles never straddle the
 * end: the last one is moved back to end at the last cell and recomputes a few cells.
 */
public final class VectorConvolution {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /** The widest tile, in cells; planes with fewer cells take the plain-Java path. */
  private static final int WIDEST_TILE = 4 * LANES;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private VectorConvolution() {}

  /** Narrower vectors than 256 bits do not beat the auto-vectorised plain-Java loops. */
  public static boolean worthwhile() {
    return LANES >= 8;
  }

  /** Whether the output of valid window {@code g} is large enough to be computed here. */
  public static boolean fits(Window g) {
    return g.span() >= WIDEST_TILE;
  }

  /**
   * Writes {@code out} = bias + the valid cross-correlation of {@code src} with {@code kernel};
   * {@code g} has stride 1, no padding, and {@link #fits}. {@code bias} may be null.
   */
  public static void correlate(Window g, float[] src, float[] kernel, float[] bias, float[] out) {
    int width = g.width();
    int filters = g.filters();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    int span = g.span();
    int taps = g.taps();
    Workspace ws = WORKSPACE.get().ensure(taps, filters * span);
    int[] shift = g.tapShifts(ws.shift);
    float[] wide = ws.sums;
    float[] packed = ws.weights;
    int f = 0;
    for (; f + 4 <= filters; f += 4) {
      pack(kernel, taps, f, 4, packed);
      for (int e = 0; e < span; e += 2 * LANES) {
        fourFilters(src, shift, taps, packed, bias, f, Math.min(e, span - 2 * LANES), wide, span);
      }
    }
    for (; f < filters; f += 2) {
      int count = Math.min(2, filters - f);
      pack(kernel, taps, f, count, packed);
      for (int e = 0; e < span; e += 4 * LANES) {
        int tile = Math.min(e, span - 4 * LANES);
        if (count == 2) {
          twoFilters(src, shift, taps, packed, bias, f, tile, wide, span);
        } else {
          oneFilter(src, shift, taps, packed, bias, f, tile, wide, span);
        }
      }
    }
    for (int h = 0; h < filters; h++) {
      for (int oy = 0; oy < outHeight; oy++) {
        System.arraycopy(
            wide, h * span + oy * width, out, (h * outHeight + oy) * outWidth, outWidth);
      }
    }
  }

  /** Weights of {@code count} filters from {@code first}, tap-major, so a tap's are adjacent. */
  private static void pack(float[] kernel, int taps, int first, int count, float[] packed) {
    for (int t = 0; t < taps; t++) {
      for (int j = 0; j < count; j++) {
        packed[t * count + j] = kernel[(first + j) * taps + t];
      }
    }
  }

  private static FloatVector start(float[] bias, int filter) {
    return FloatVector.broadcast(SPECIES, bias == null ? 0f : bias[filter]);
  }

  private static void fourFilters(
      float[] src,
      int[] shift,
      int taps,
      float[] w,
      float[] bias,
      int f,
      int e,
      float[] wide,
      int span) {
    FloatVector a0 = start(bias, f);
    FloatVector a1 = a0;
    FloatVector b0 = start(bias, f + 1);
    FloatVector b1 = b0;
    FloatVector c0 = start(bias, f + 2);
    FloatVector c1 = c0;
    FloatVector d0 = start(bias, f + 3);
    FloatVector d1 = d0;
    for (int t = 0; t < taps; t++) {
      int s = shift[t] + e;
      FloatVector x0 = FloatVector.fromArray(SPECIES, src, s);
      FloatVector x1 = FloatVector.fromArray(SPECIES, src, s + LANES);
      FloatVector w0 = FloatVector.broadcast(SPECIES, w[4 * t]);
      a0 = x0.fma(w0, a0);
      a1 = x1.fma(w0, a1);
      FloatVector w1 = FloatVector.broadcast(SPECIES, w[4 * t + 1]);
      b0 = x0.fma(w1, b0);
      b1 = x1.fma(w1, b1);
      FloatVector w2 = FloatVector.broadcast(SPECIES, w[4 * t + 2]);
      c0 = x0.fma(w2, c0);
      c1 = x1.fma(w2, c1);
      FloatVector w3 = FloatVector.broadcast(SPECIES, w[4 * t + 3]);
      d0 = x0.fma(w3, d0);
      d1 = x1.fma(w3, d1);
    }
    int at = f * span + e;
    a0.intoArray(wide, at);
    a1.intoArray(wide, at + LANES);
    b0.intoArray(wide, at + span);
    b1.intoArray(wide, at + span + LANES);
    c0.intoArray(wide, at + 2 * span);
    c1.intoArray(wide, at + 2 * span + LANES);
    d0.intoArray(wide, at + 3 * span);
    d1.intoArray(wide, at + 3 * span + LANES);
  }

  private static void twoFilters(
      float[] src,
      int[] shift,
      int taps,
      float[] w,
      float[] bias,
      int f,
      int e,
      float[] wide,
      int span) {
    FloatVector a0 = start(bias, f);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = start(bias, f + 1);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    for (int t = 0; t < taps; t++) {
      int s = shift[t] + e;
      FloatVector x0 = FloatVector.fromArray(SPECIES, src, s);
      FloatVector x1 = FloatVector.fromArray(SPECIES, src, s + LANES);
      FloatVector x2 = FloatVector.fromArray(SPECIES, src, s + 2 * LANES);
      FloatVector x3 = FloatVector.fromArray(SPECIES, src, s + 3 * LANES);
      FloatVector w0 = FloatVector.broadcast(SPECIES, w[2 * t]);
      FloatVector w1 = FloatVector.broadcast(SPECIES, w[2 * t + 1]);
      a0 = x0.fma(w0, a0);
      a1 = x1.fma(w0, a1);
      a2 = x2.fma(w0, a2);
      a3 = x3.fma(w0, a3);
      b0 = x0.fma(w1, b0);
      b1 = x1.fma(w1, b1);
      b2 = x2.fma(w1, b2);
      b3 = x3.fma(w1, b3);
    }
    int at = f * span + e;
    a0.intoArray(wide, at);
    a1.intoArray(wide, at + LANES);
    a2.intoArray(wide, at + 2 * LANES);
    a3.intoArray(wide, at + 3 * LANES);
    b0.intoArray(wide, at + span);
    b1.intoArray(wide, at + span + LANES);
    b2.intoArray(wide, at + span + 2 * LANES);
    b3.intoArray(wide, at + span + 3 * LANES);
  }

  private static void oneFilter(
      float[] src,
      int[] shift,
      int taps,
      float[] w,
      float[] bias,
      int f,
      int e,
      float[] wide,
      int span) {
    FloatVector a0 = start(bias, f);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    for (int t = 0; t < taps; t++) {
      int s = shift[t] + e;
      FloatVector w0 = FloatVector.broadcast(SPECIES, w[t]);
      a0 = FloatVector.fromArray(SPECIES, src, s).fma(w0, a0);
      a1 = FloatVector.fromArray(SPECIES, src, s + LANES).fma(w0, a1);
      a2 = FloatVector.fromArray(SPECIES, src, s + 2 * LANES).fma(w0, a2);
      a3 = FloatVector.fromArray(SPECIES, src, s + 3 * LANES).fma(w0, a3);
    }
    int at = f * span + e;
    a0.intoArray(wide, at);
    a1.intoArray(wide, at + LANES);
    a2.intoArray(wide, at + 2 * LANES);
    a3.intoArray(wide, at + 3 * LANES);
  }

  /** Per-thread scratch arrays, grown on demand. */
  private static final class Workspace {
    int[] shift = new int[0];
    float[] weights = new float[0];
    float[] sums = new float[0];

    Workspace ensure(int taps, int cells) {
      if (shift.length < taps) {
        shift = new int[taps];
        weights = new float[4 * taps];
      }
      if (sums.length < cells) {
        sums = new float[cells];
      }
      return this;
    }
  }
}
