package org.cnnexplainer.core.kernel.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A fully connected layer's forward pass ({@code plain.MatrixVector.forward}: weights one row per
 * unit) with the incubating Vector API; loaded only when the module is present. The JIT does not
 * vectorise a float dot product (it may not reorder the sum); explicit vectors do, with four
 * partial sums to hide the latency of the fused multiply-add.
 */
public final class VectorMatrixVector {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();

  private VectorMatrixVector() {}

  /** {@code out[j] = bias[j] + sum_i w[j][i] * in[i]}; {@code bias} may be null. */
  public static void forward(float[] w, float[] bias, float[] in, float[] out) {
    int inputs = in.length;
    int blocks = inputs - inputs % (4 * LANES);
    int vectors = SPECIES.loopBound(inputs);
    for (int j = 0; j < out.length; j++) {
      int row = j * inputs;
      FloatVector s0 = FloatVector.zero(SPECIES);
      FloatVector s1 = s0;
      FloatVector s2 = s0;
      FloatVector s3 = s0;
      int i = 0;
      for (; i < blocks; i += 4 * LANES) {
        s0 =
            FloatVector.fromArray(SPECIES, in, i)
                .fma(FloatVector.fromArray(SPECIES, w, row + i), s0);
        s1 =
            FloatVector.fromArray(SPECIES, in, i + LANES)
                .fma(FloatVector.fromArray(SPECIES, w, row + i + LANES), s1);
        s2 =
            FloatVector.fromArray(SPECIES, in, i + 2 * LANES)
                .fma(FloatVector.fromArray(SPECIES, w, row + i + 2 * LANES), s2);
        s3 =
            FloatVector.fromArray(SPECIES, in, i + 3 * LANES)
                .fma(FloatVector.fromArray(SPECIES, w, row + i + 3 * LANES), s3);
      }
      for (; i < vectors; i += LANES) {
        s0 =
            FloatVector.fromArray(SPECIES, in, i)
                .fma(FloatVector.fromArray(SPECIES, w, row + i), s0);
      }
      float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
      for (; i < inputs; i++) {
        sum += in[i] * w[row + i];
      }
      out[j] = (bias == null ? 0f : bias[j]) + sum;
    }
  }
}
