package org.cnnexplainer.core.kernel.plain;

import java.util.Arrays;

/**
 * A fully connected layer's products in plain Java, with the weights stored one row per unit
 * ({@code (J, I)}, the transpose of TF.js's {@code (I, J)} kernel): the forward pass is then one
 * contiguous dot product per unit, and both gradients are loops along contiguous rows, which the
 * JIT vectorises.
 */
public final class MatrixVector {
  private MatrixVector() {}

  /** {@code out[j] = bias[j] + sum_i w[j][i] * in[i]}; {@code bias} may be null. */
  public static void forward(float[] w, float[] bias, float[] in, float[] out) {
    int inputs = in.length;
    for (int j = 0; j < out.length; j++) {
      // Four partial sums break the dependency chain of one long float sum.
      int row = j * inputs;
      float s0 = 0f;
      float s1 = 0f;
      float s2 = 0f;
      float s3 = 0f;
      int i = 0;
      for (; i + 3 < inputs; i += 4) {
        s0 += in[i] * w[row + i];
        s1 += in[i + 1] * w[row + i + 1];
        s2 += in[i + 2] * w[row + i + 2];
        s3 += in[i + 3] * w[row + i + 3];
      }
      for (; i < inputs; i++) {
        s0 += in[i] * w[row + i];
      }
      out[j] = (bias == null ? 0f : bias[j]) + ((s0 + s1) + (s2 + s3));
    }
  }

  /** Overwrites {@code gradIn[i] = sum_j w[j][i] * gradOut[j]}. */
  public static void inputGradient(float[] w, float[] gradOut, float[] gradIn) {
    int inputs = gradIn.length;
    Arrays.fill(gradIn, 0f);
    for (int j = 0; j < gradOut.length; j++) {
      float gj = gradOut[j];
      int row = j * inputs;
      for (int i = 0; i < inputs; i++) {
        gradIn[i] += gj * w[row + i];
      }
    }
  }

  /**
   * Adds {@code gradW[j][i] += gradOut[j] * in[i]} and, unless it is null, {@code gradBias[j] +=
   * gradOut[j]}.
   */
  public static void accumulate(float[] in, float[] gradOut, float[] gradW, float[] gradBias) {
    int inputs = in.length;
    for (int j = 0; j < gradOut.length; j++) {
      float gj = gradOut[j];
      int row = j * inputs;
      for (int i = 0; i < inputs; i++) {
        gradW[row + i] += gj * in[i];
      }
      if (gradBias != null) {
        gradBias[j] += gj;
      }
    }
  }
}
