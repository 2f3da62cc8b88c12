package org.cnnexplainer.core.kernel.vector;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.cnnexplainer.core.kernel.Window;

/**
 * The kernel and bias gradients of a valid stride-1 correlation with the incubating Vector API;
 * loaded only when the module is present ({@code Kernels} checks). (The input gradient is itself a
 * correlation; see {@code Kernels}.)
 *
 * <p>Kernel gradient: {@code dW[f][c][ky][kx] = sum_{oy,ox} g[f][oy][ox] * in[c][oy + ky][ox +
 * kx]}. As in {@code plain.StrideOneKernelGradient}, output cell {@code (oy, ox)} sits at {@code p
 * = oy * W + ox} of a row as wide as the input, so tap {@code t = (c, ky, kx)} reads the input at
 * {@code shift[t] + p} and the gradient is held at zero in the {@code kw - 1} extra columns. A tile
 * of four filters by three taps keeps twelve vector sums in registers over all cells: seven loads
 * feed twelve fused multiply-adds. The sums are not reduced per sample but added lane by lane to
 * {@code lanes}, laid out {@code [f][t][lane]}; {@link #reduce} folds the lanes once per batch.
 */
public final class VectorConvolutionGradients {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private VectorConvolutionGradients() {}

  /** Floats per weight in the accumulator {@link #accumulate} adds to. */
  public static int lanes() {
    return LANES;
  }

  /**
   * Adds this sample's kernel gradient to {@code lanes} ({@code F * C * kh * kw * lanes()}) and,
   * unless {@code gradBias} is null, {@code sum_cells g[f]} to {@code gradBias[f]}; {@code g} has
   * stride 1 and no padding.
   */
  public static void accumulate(
      Window g, float[] in, float[] gradOut, float[] lanes, float[] gradBias) {
    int channels = g.channels();
    int width = g.width();
    int filters = g.filters();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    int span = g.span();
    int cells = (span + LANES - 1) / LANES * LANES;
    int taps = g.taps();
    int plane = g.height() * width;
    Workspace ws = WORKSPACE.get().ensure(taps, filters * cells, channels * plane + LANES);
    // The input with zeros behind it, so that the last vector of the last tap stays in bounds.
    float[] x = ws.input;
    System.arraycopy(in, 0, x, 0, channels * plane);
    Arrays.fill(x, channels * plane, channels * plane + LANES, 0f);
    float[] grad = ws.gradient;
    Arrays.fill(grad, 0, filters * cells, 0f);
    for (int f = 0; f < filters; f++) {
      for (int oy = 0; oy < outHeight; oy++) {
        System.arraycopy(
            gradOut, (f * outHeight + oy) * outWidth, grad, f * cells + oy * width, outWidth);
      }
      if (gradBias != null) {
        // Lane-wise partial sums: a scalar float sum is one long chain of dependent adds.
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int p = 0; p < cells; p += LANES) {
          sum = sum.add(FloatVector.fromArray(SPECIES, grad, f * cells + p));
        }
        gradBias[f] += sum.reduceLanes(VectorOperators.ADD);
      }
    }
    int[] shift = g.tapShifts(ws.shift);
    int f = 0;
    for (; f + 4 <= filters; f += 4) {
      int t = 0;
      for (; t + 3 <= taps; t += 3) {
        fourByThree(x, shift, t, grad, f, cells, taps, lanes);
      }
      for (; t < taps; t++) {
        for (int j = 0; j < 4; j++) {
          oneByOne(x, shift[t], grad, f + j, cells, taps, t, lanes);
        }
      }
    }
    if (f + 2 <= filters) {
      int t = 0;
      for (; t + 3 <= taps; t += 3) {
        twoByThree(x, shift, t, grad, f, cells, taps, lanes);
      }
      for (; t < taps; t++) {
        oneByOne(x, shift[t], grad, f, cells, taps, t, lanes);
        oneByOne(x, shift[t], grad, f + 1, cells, taps, t, lanes);
      }
      f += 2;
    }
    for (; f < filters; f++) {
      int t = 0;
      for (; t + 3 <= taps; t += 3) {
        oneByThree(x, shift, t, grad, f, cells, taps, lanes);
      }
      for (; t < taps; t++) {
        oneByOne(x, shift[t], grad, f, cells, taps, t, lanes);
      }
    }
  }

  /** {@code into[i] += sum of lanes[i * lanes() ..]}, for each weight {@code i}. */
  public static void reduce(float[] lanes, float[] into) {
    for (int i = 0; i < into.length; i++) {
      into[i] += FloatVector.fromArray(SPECIES, lanes, i * LANES).reduceLanes(VectorOperators.ADD);
    }
  }

  private static void fourByThree(
      float[] x, int[] shift, int t, float[] g, int f, int cells, int taps, float[] lanes) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    FloatVector c0 = a0;
    FloatVector c1 = a0;
    FloatVector c2 = a0;
    FloatVector d0 = a0;
    FloatVector d1 = a0;
    FloatVector d2 = a0;
    int s0 = shift[t];
    int s1 = shift[t + 1];
    int s2 = shift[t + 2];
    int ga = f * cells;
    for (int p = 0; p < cells; p += LANES) {
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, s0 + p);
      FloatVector x1 = FloatVector.fromArray(SPECIES, x, s1 + p);
      FloatVector x2 = FloatVector.fromArray(SPECIES, x, s2 + p);
      FloatVector gv = FloatVector.fromArray(SPECIES, g, ga + p);
      a0 = x0.fma(gv, a0);
      a1 = x1.fma(gv, a1);
      a2 = x2.fma(gv, a2);
      gv = FloatVector.fromArray(SPECIES, g, ga + cells + p);
      b0 = x0.fma(gv, b0);
      b1 = x1.fma(gv, b1);
      b2 = x2.fma(gv, b2);
      gv = FloatVector.fromArray(SPECIES, g, ga + 2 * cells + p);
      c0 = x0.fma(gv, c0);
      c1 = x1.fma(gv, c1);
      c2 = x2.fma(gv, c2);
      gv = FloatVector.fromArray(SPECIES, g, ga + 3 * cells + p);
      d0 = x0.fma(gv, d0);
      d1 = x1.fma(gv, d1);
      d2 = x2.fma(gv, d2);
    }
    add(lanes, (f * taps + t) * LANES, a0, a1, a2);
    add(lanes, ((f + 1) * taps + t) * LANES, b0, b1, b2);
    add(lanes, ((f + 2) * taps + t) * LANES, c0, c1, c2);
    add(lanes, ((f + 3) * taps + t) * LANES, d0, d1, d2);
  }

  /** Adds three taps' sums, stored one after the other from {@code at}. */
  private static void add(float[] lanes, int at, FloatVector u, FloatVector v, FloatVector w) {
    FloatVector.fromArray(SPECIES, lanes, at).add(u).intoArray(lanes, at);
    FloatVector.fromArray(SPECIES, lanes, at + LANES).add(v).intoArray(lanes, at + LANES);
    FloatVector.fromArray(SPECIES, lanes, at + 2 * LANES).add(w).intoArray(lanes, at + 2 * LANES);
  }

  /**
   * Two filters by three taps, for two filters after the last tile of four: five loads feed six
   * fused multiply-adds (one filter at a time: four loads for three).
   */
  private static void twoByThree(
      float[] x, int[] shift, int t, float[] g, int f, int cells, int taps, float[] lanes) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector b2 = a0;
    int s0 = shift[t];
    int s1 = shift[t + 1];
    int s2 = shift[t + 2];
    int ga = f * cells;
    for (int p = 0; p < cells; p += LANES) {
      FloatVector x0 = FloatVector.fromArray(SPECIES, x, s0 + p);
      FloatVector x1 = FloatVector.fromArray(SPECIES, x, s1 + p);
      FloatVector x2 = FloatVector.fromArray(SPECIES, x, s2 + p);
      FloatVector gv = FloatVector.fromArray(SPECIES, g, ga + p);
      a0 = x0.fma(gv, a0);
      a1 = x1.fma(gv, a1);
      a2 = x2.fma(gv, a2);
      gv = FloatVector.fromArray(SPECIES, g, ga + cells + p);
      b0 = x0.fma(gv, b0);
      b1 = x1.fma(gv, b1);
      b2 = x2.fma(gv, b2);
    }
    add(lanes, (f * taps + t) * LANES, a0, a1, a2);
    add(lanes, ((f + 1) * taps + t) * LANES, b0, b1, b2);
  }

  /** One filter by three taps, for a last filter after the tiles of four and two. */
  private static void oneByThree(
      float[] x, int[] shift, int t, float[] g, int f, int cells, int taps, float[] lanes) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector a2 = a0;
    int s0 = shift[t];
    int s1 = shift[t + 1];
    int s2 = shift[t + 2];
    int ga = f * cells;
    for (int p = 0; p < cells; p += LANES) {
      FloatVector gv = FloatVector.fromArray(SPECIES, g, ga + p);
      a0 = FloatVector.fromArray(SPECIES, x, s0 + p).fma(gv, a0);
      a1 = FloatVector.fromArray(SPECIES, x, s1 + p).fma(gv, a1);
      a2 = FloatVector.fromArray(SPECIES, x, s2 + p).fma(gv, a2);
    }
    add(lanes, (f * taps + t) * LANES, a0, a1, a2);
  }

  private static void oneByOne(
      float[] x, int s, float[] g, int f, int cells, int taps, int t, float[] lanes) {
    FloatVector a = FloatVector.zero(SPECIES);
    int ga = f * cells;
    for (int p = 0; p < cells; p += LANES) {
      a =
          FloatVector.fromArray(SPECIES, x, s + p)
              .fma(FloatVector.fromArray(SPECIES, g, ga + p), a);
    }
    int at = (f * taps + t) * LANES;
    FloatVector.fromArray(SPECIES, lanes, at).add(a).intoArray(lanes, at);
  }

  /** Per-thread scratch arrays, grown on demand. */
  private static final class Workspace {
    int[] shift = new int[0];
    float[] gradient = new float[0];
    float[] input = new float[0];

    Workspace ensure(int taps, int gradientCells, int inputCells) {
      if (shift.length < taps) {
        shift = new int[taps];
      }
      if (gradient.length < gradientCells) {
        gradient = new float[gradientCells];
      }
      if (input.length < inputCells) {
        input = new float[inputCells];
      }
      return this;
    }
  }
}
