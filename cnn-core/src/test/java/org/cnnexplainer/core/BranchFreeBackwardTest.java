package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The bit-mask backward passes of ReLU and 2x2 max pooling on the edge cases of their selects. */
class BranchFreeBackwardTest {

  @Test
  void reluPassesTheGradientExactlyWhereTheInputIsPositive() {
    float[] edges = {
      1f,
      -1f,
      0f,
      -0f,
      Float.MIN_VALUE,
      -Float.MIN_VALUE,
      Float.MAX_VALUE,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.NaN,
      3e-39f,
      -2f,
      0.5f
    };
    // The 13 edge cases over several vectors' worth of lanes (the Vector API path when it is on),
    // shifted so that each meets every lane, then a scalar tail.
    float[] in = new float[13 * 7];
    float[] g = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      in[i] = edges[i % edges.length];
      g[i] = i % 11 == 5 ? Float.NaN : i - 40f;
    }
    float[] expected = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      expected[i] = in[i] > 0f ? g[i] : 0f;
    }
    float[] actual = new float[in.length];

    Activation.passWherePositive(in, g, actual);

    assertArrayEquals(expected, actual);
  }

  @Test
  void maxPoolSendsTheGradientToTheFirstLargestCellOfEachWindow() {
    // One channel, 4x6 -> 2x3 windows: a clear winner in each corner, ties and a NaN window.
    float[] src = {
      1, 5, /**/ 2, 2, /**/ 0, 0,
      3, 4, /**/ 1, 2, /**/ 0, -0f,
      7, 7, /**/ Float.NaN, 1, /**/ -1, -2,
      7, 1, /**/ 1, 1, /**/ -3, -1,
    };
    Shape in = Shape.image(1, 4, 6);
    Pooling2D pool = new Pooling2D("pool", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID);
    Shape outShape = pool.outputShape(in);
    float[] out = new float[outShape.size()];
    pool.forwardInto(null, src, in, out, outShape, -1, false);
    float[] gradOut = {10, 20, 30, 40, 50, 60};
    float[] gradIn = new float[src.length];
    java.util.Arrays.fill(gradIn, 99f);

    pool.backward(null, src, in, out, outShape, gradOut, gradIn, new float[0][], -1, false);

    float[] expected = {
      0, 10, /**/ 20, 0, /**/ 30, 0,
      0, 0, /**/ 0, 0, /**/ 0, 0,
      40, 0, /**/ 50, 0, /**/ 60, 0,
      0, 0, /**/ 0, 0, /**/ 0, 0,
    };
    assertArrayEquals(expected, gradIn);
  }
}
