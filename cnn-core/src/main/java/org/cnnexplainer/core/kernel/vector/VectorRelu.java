package org.cnnexplainer.core.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ReLU's forward and backward passes with the incubating Vector API; loaded only when the
 * module is present.
 */
public final class VectorRelu {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private VectorRelu() {}

  /**
   * {@code out[i] = max(in[i], 0)}, with {@link Math#max}'s rules for NaN and signed zeros (the
   * vector maximum follows them).
   */
  public static void forward(float[] in, float[] out) {
    int n = in.length;
    int bound = SPECIES.loopBound(n);
    int i = 0;
    for (; i < bound; i += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, in, i).max(0f).intoArray(out, i);
    }
    for (; i < n; i++) {
      out[i] = Math.max(in[i], 0f);
    }
  }

  /** Same contract as {@code plain.Relu.passWherePositive}: a vector compare and blend. */
  public static void passWherePositive(float[] x, float[] g, float[] dst) {
    int n = dst.length;
    int bound = SPECIES.loopBound(n);
    FloatVector zero = FloatVector.zero(SPECIES);
    int i = 0;
    for (; i < bound; i += SPECIES.length()) {
      VectorMask<Float> positive =
          FloatVector.fromArray(SPECIES, x, i).compare(VectorOperators.GT, 0f);
      zero.blend(FloatVector.fromArray(SPECIES, g, i), positive).intoArray(dst, i);
    }
    for (; i < n; i++) {
      dst[i] = x[i] > 0f ? g[i] : 0f;
    }
  }
}
