package org.cnnexplainer.core.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The ReLU's backward pass with the incubating Vector API; loaded only when the module is present.
 */
public final class VectorRelu {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private VectorRelu() {}

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
