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
 * registers for the whole sum over taps: one load of a shifted input vector feeds ten filters (two
 * vectors of cells each), five (four vectors each) or a last three (six vectors each) where there
 * are 32 vector registers, four filters (two vectors each), or two filters (four vectors each) for
 * the rest, so the loop is bound by fused multiply-adds rather than by loads and stores of partial
 * sums. Tiles never straddle the end: the last one is moved back to end at the last cell and
 * recomputes a few cells.
 */
public final class VectorConvolution {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  /**
   * 512-bit vectors come with 32 vector registers (AVX-512), room for 20 sums plus the inputs and
   * weights of a tap: the ten- and five-filter tiles then need fewer loads per multiply-add than
   * the four-filter one (which fits the 16 registers of AVX2). On Tiny VGG's 10-filter layers the
   * convolutions take ~20 % less time.
   */
  private static final boolean MANY_REGISTERS = LANES >= 16;

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
   * {@code g} has stride 1, no padding, and {@link #fits}. {@code bias} may be null; so may {@code
   * relu}, else it gets {@code max(out, 0)} in the same pass (a ReLU layer after the convolution).
   */
  public static void correlate(
      Window g, float[] src, float[] kernel, float[] bias, float[] out, float[] relu) {
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
    if (MANY_REGISTERS) {
      for (; f + 10 <= filters; f += 10) {
        pack(kernel, taps, f, 10, packed);
        for (int e = 0; e < span; e += 2 * LANES) {
          tenFilters(src, shift, taps, packed, bias, f, Math.min(e, span - 2 * LANES), wide, span);
        }
      }
      for (; f + 5 <= filters; f += 5) {
        pack(kernel, taps, f, 5, packed);
        for (int e = 0; e < span; e += 4 * LANES) {
          fiveFilters(src, shift, taps, packed, bias, f, Math.min(e, span - 4 * LANES), wide, span);
        }
      }
      if (filters - f == 3 && span >= 6 * LANES) {
        pack(kernel, taps, f, 3, packed);
        for (int e = 0; e < span; e += 6 * LANES) {
          threeFilters(
              src, shift, taps, packed, bias, f, Math.min(e, span - 6 * LANES), wide, span);
        }
        f += 3;
      }
    }
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
        int from = h * span + oy * width;
        int to = (h * outHeight + oy) * outWidth;
        if (relu == null) {
          System.arraycopy(wide, from, out, to, outWidth);
        } else {
          copyWithRelu(wide, from, out, relu, to, outWidth);
        }
      }
    }
  }

  /** One output row, and its ReLU; the last vector is moved back to end at the row's end. */
  private static void copyWithRelu(
      float[] wide, int from, float[] out, float[] relu, int to, int count) {
    if (count < LANES) {
      for (int i = 0; i < count; i++) {
        float v = wide[from + i];
        out[to + i] = v;
        relu[to + i] = Math.max(v, 0f);
      }
      return;
    }
    for (int i = 0; i < count; i += LANES) {
      int at = Math.min(i, count - LANES);
      FloatVector v = FloatVector.fromArray(SPECIES, wide, from + at);
      v.intoArray(out, to + at);
      v.max(0f).intoArray(relu, to + at);
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

  /**
   * Ten filters, two vectors of cells each: 20 sums in registers, and per tap two loads and ten
   * broadcasts feed twenty fused multiply-adds. Only with 32 vector registers (AVX-512).
   */
  private static void tenFilters(
      float[] src,
      int[] shift,
      int taps,
      float[] w,
      float[] bias,
      int f,
      int e,
      float[] wide,
      int span) {
    FloatVector lo0 = start(bias, f + 0);
    FloatVector hi0 = lo0;
    FloatVector lo1 = start(bias, f + 1);
    FloatVector hi1 = lo1;
    FloatVector lo2 = start(bias, f + 2);
    FloatVector hi2 = lo2;
    FloatVector lo3 = start(bias, f + 3);
    FloatVector hi3 = lo3;
    FloatVector lo4 = start(bias, f + 4);
    FloatVector hi4 = lo4;
    FloatVector lo5 = start(bias, f + 5);
    FloatVector hi5 = lo5;
    FloatVector lo6 = start(bias, f + 6);
    FloatVector hi6 = lo6;
    FloatVector lo7 = start(bias, f + 7);
    FloatVector hi7 = lo7;
    FloatVector lo8 = start(bias, f + 8);
    FloatVector hi8 = lo8;
    FloatVector lo9 = start(bias, f + 9);
    FloatVector hi9 = lo9;
    for (int t = 0; t < taps; t++) {
      int s = shift[t] + e;
      FloatVector x0 = FloatVector.fromArray(SPECIES, src, s);
      FloatVector x1 = FloatVector.fromArray(SPECIES, src, s + LANES);
      int k = 10 * t;
      FloatVector w0 = FloatVector.broadcast(SPECIES, w[k]);
      lo0 = x0.fma(w0, lo0);
      hi0 = x1.fma(w0, hi0);
      FloatVector w1 = FloatVector.broadcast(SPECIES, w[k + 1]);
      lo1 = x0.fma(w1, lo1);
      hi1 = x1.fma(w1, hi1);
      FloatVector w2 = FloatVector.broadcast(SPECIES, w[k + 2]);
      lo2 = x0.fma(w2, lo2);
      hi2 = x1.fma(w2, hi2);
      FloatVector w3 = FloatVector.broadcast(SPECIES, w[k + 3]);
      lo3 = x0.fma(w3, lo3);
      hi3 = x1.fma(w3, hi3);
      FloatVector w4 = FloatVector.broadcast(SPECIES, w[k + 4]);
      lo4 = x0.fma(w4, lo4);
      hi4 = x1.fma(w4, hi4);
      FloatVector w5 = FloatVector.broadcast(SPECIES, w[k + 5]);
      lo5 = x0.fma(w5, lo5);
      hi5 = x1.fma(w5, hi5);
      FloatVector w6 = FloatVector.broadcast(SPECIES, w[k + 6]);
      lo6 = x0.fma(w6, lo6);
      hi6 = x1.fma(w6, hi6);
      FloatVector w7 = FloatVector.broadcast(SPECIES, w[k + 7]);
      lo7 = x0.fma(w7, lo7);
      hi7 = x1.fma(w7, hi7);
      FloatVector w8 = FloatVector.broadcast(SPECIES, w[k + 8]);
      lo8 = x0.fma(w8, lo8);
      hi8 = x1.fma(w8, hi8);
      FloatVector w9 = FloatVector.broadcast(SPECIES, w[k + 9]);
      lo9 = x0.fma(w9, lo9);
      hi9 = x1.fma(w9, hi9);
    }
    int at = f * span + e;
    lo0.intoArray(wide, at);
    hi0.intoArray(wide, at + LANES);
    lo1.intoArray(wide, at + span);
    hi1.intoArray(wide, at + span + LANES);
    lo2.intoArray(wide, at + 2 * span);
    hi2.intoArray(wide, at + 2 * span + LANES);
    lo3.intoArray(wide, at + 3 * span);
    hi3.intoArray(wide, at + 3 * span + LANES);
    lo4.intoArray(wide, at + 4 * span);
    hi4.intoArray(wide, at + 4 * span + LANES);
    lo5.intoArray(wide, at + 5 * span);
    hi5.intoArray(wide, at + 5 * span + LANES);
    lo6.intoArray(wide, at + 6 * span);
    hi6.intoArray(wide, at + 6 * span + LANES);
    lo7.intoArray(wide, at + 7 * span);
    hi7.intoArray(wide, at + 7 * span + LANES);
    lo8.intoArray(wide, at + 8 * span);
    hi8.intoArray(wide, at + 8 * span + LANES);
    lo9.intoArray(wide, at + 9 * span);
    hi9.intoArray(wide, at + 9 * span + LANES);
  }

  /**
   * Five filters, four vectors of cells each: 20 sums in registers, and per tap four loads and five
   * broadcasts feed twenty fused multiply-adds. Only with 32 vector registers (AVX-512).
   */
  private static void fiveFilters(
      float[] src,
      int[] shift,
      int taps,
      float[] w,
      float[] bias,
      int f,
      int e,
      float[] wide,
      int span) {
    FloatVector a0 = start(bias, f + 0);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector a3 = a0;
    FloatVector b0 = start(bias, f + 1);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    FloatVector c0 = start(bias, f + 2);
    FloatVector c1 = c0;
    FloatVector c2 = c0;
    FloatVector c3 = c0;
    FloatVector d0 = start(bias, f + 3);
    FloatVector d1 = d0;
    FloatVector d2 = d0;
    FloatVector d3 = d0;
    FloatVector e0 = start(bias, f + 4);
    FloatVector e1 = e0;
    FloatVector e2 = e0;
    FloatVector e3 = e0;
    for (int t = 0; t < taps; t++) {
      int s = shift[t] + e;
      FloatVector x0 = FloatVector.fromArray(SPECIES, src, s);
      FloatVector x1 = FloatVector.fromArray(SPECIES, src, s + LANES);
      FloatVector x2 = FloatVector.fromArray(SPECIES, src, s + 2 * LANES);
      FloatVector x3 = FloatVector.fromArray(SPECIES, src, s + 3 * LANES);
      int k = 5 * t;
      FloatVector w0 = FloatVector.broadcast(SPECIES, w[k]);
      a0 = x0.fma(w0, a0);
      a1 = x1.fma(w0, a1);
      a2 = x2.fma(w0, a2);
      a3 = x3.fma(w0, a3);
      FloatVector w1 = FloatVector.broadcast(SPECIES, w[k + 1]);
      b0 = x0.fma(w1, b0);
      b1 = x1.fma(w1, b1);
      b2 = x2.fma(w1, b2);
      b3 = x3.fma(w1, b3);
      FloatVector w2 = FloatVector.broadcast(SPECIES, w[k + 2]);
      c0 = x0.fma(w2, c0);
      c1 = x1.fma(w2, c1);
      c2 = x2.fma(w2, c2);
      c3 = x3.fma(w2, c3);
      FloatVector w3 = FloatVector.broadcast(SPECIES, w[k + 3]);
      d0 = x0.fma(w3, d0);
      d1 = x1.fma(w3, d1);
      d2 = x2.fma(w3, d2);
      d3 = x3.fma(w3, d3);
      FloatVector w4 = FloatVector.broadcast(SPECIES, w[k + 4]);
      e0 = x0.fma(w4, e0);
      e1 = x1.fma(w4, e1);
      e2 = x2.fma(w4, e2);
      e3 = x3.fma(w4, e3);
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
    c0.intoArray(wide, at + 2 * span);
    c1.intoArray(wide, at + 2 * span + LANES);
    c2.intoArray(wide, at + 2 * span + 2 * LANES);
    c3.intoArray(wide, at + 2 * span + 3 * LANES);
    d0.intoArray(wide, at + 3 * span);
    d1.intoArray(wide, at + 3 * span + LANES);
    d2.intoArray(wide, at + 3 * span + 2 * LANES);
    d3.intoArray(wide, at + 3 * span + 3 * LANES);
    e0.intoArray(wide, at + 4 * span);
    e1.intoArray(wide, at + 4 * span + LANES);
    e2.intoArray(wide, at + 4 * span + 2 * LANES);
    e3.intoArray(wide, at + 4 * span + 3 * LANES);
  }

  /**
   * Three filters, six vectors of cells each: 18 sums in registers, and per tap six loads and three
   * broadcasts feed eighteen fused multiply-adds (two filters then one: eight loads for twelve).
   * For a last three filters, such as the input gradient of a convolution of an RGB image, which is
   * a correlation with three filters. Only with 32 vector registers (AVX-512).
   */
  private static void threeFilters(
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
    FloatVector a4 = a0;
    FloatVector a5 = a0;
    FloatVector b0 = start(bias, f + 1);
    FloatVector b1 = b0;
    FloatVector b2 = b0;
    FloatVector b3 = b0;
    FloatVector b4 = b0;
    FloatVector b5 = b0;
    FloatVector c0 = start(bias, f + 2);
    FloatVector c1 = c0;
    FloatVector c2 = c0;
    FloatVector c3 = c0;
    FloatVector c4 = c0;
    FloatVector c5 = c0;
    for (int t = 0; t < taps; t++) {
      int s = shift[t] + e;
      FloatVector w0 = FloatVector.broadcast(SPECIES, w[3 * t]);
      FloatVector w1 = FloatVector.broadcast(SPECIES, w[3 * t + 1]);
      FloatVector w2 = FloatVector.broadcast(SPECIES, w[3 * t + 2]);
      FloatVector x = FloatVector.fromArray(SPECIES, src, s);
      a0 = x.fma(w0, a0);
      b0 = x.fma(w1, b0);
      c0 = x.fma(w2, c0);
      x = FloatVector.fromArray(SPECIES, src, s + LANES);
      a1 = x.fma(w0, a1);
      b1 = x.fma(w1, b1);
      c1 = x.fma(w2, c1);
      x = FloatVector.fromArray(SPECIES, src, s + 2 * LANES);
      a2 = x.fma(w0, a2);
      b2 = x.fma(w1, b2);
      c2 = x.fma(w2, c2);
      x = FloatVector.fromArray(SPECIES, src, s + 3 * LANES);
      a3 = x.fma(w0, a3);
      b3 = x.fma(w1, b3);
      c3 = x.fma(w2, c3);
      x = FloatVector.fromArray(SPECIES, src, s + 4 * LANES);
      a4 = x.fma(w0, a4);
      b4 = x.fma(w1, b4);
      c4 = x.fma(w2, c4);
      x = FloatVector.fromArray(SPECIES, src, s + 5 * LANES);
      a5 = x.fma(w0, a5);
      b5 = x.fma(w1, b5);
      c5 = x.fma(w2, c5);
    }
    store(wide, f * span + e, a0, a1, a2, a3, a4, a5);
    store(wide, (f + 1) * span + e, b0, b1, b2, b3, b4, b5);
    store(wide, (f + 2) * span + e, c0, c1, c2, c3, c4, c5);
  }

  /** Stores six consecutive vectors of sums from {@code at}. */
  private static void store(
      float[] wide,
      int at,
      FloatVector v0,
      FloatVector v1,
      FloatVector v2,
      FloatVector v3,
      FloatVector v4,
      FloatVector v5) {
    v0.intoArray(wide, at);
    v1.intoArray(wide, at + LANES);
    v2.intoArray(wide, at + 2 * LANES);
    v3.intoArray(wide, at + 3 * LANES);
    v4.intoArray(wide, at + 4 * LANES);
    v5.intoArray(wide, at + 5 * LANES);
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
        weights = new float[10 * taps];
      }
      if (sums.length < cells) {
        sums = new float[cells];
      }
      return this;
    }
  }
}
