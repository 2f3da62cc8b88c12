package org.cnnexplainer.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.junit.jupiter.api.Test;

/** The bit-mask backward passes of ReLU and 2x2 max pooling on the edge cases of their selects. */
class BranchFreeBackwardTest {

  @Test
  void reluPassesTheGradientExactlyWhereTheInputIsPositive() {
    float[] in = KernelPathsTest.signEdgeCases();
    float[] g = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      g[i] = i % 11 == 5 ? Float.NaN : i - 40f;
    }
    float[] expected = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      expected[i] = in[i] > 0f ? g[i] : 0f;
    }
    for (Kernels kernels : KernelPathsTest.paths()) {
      float[] actual = new float[in.length];
      kernels.passWherePositive(in, g, actual);
      assertArrayEquals(expected, actual, kernels.vectorApi() ? "Vector API" : "plain Java");
    }
  }

  /** One channel, 4x6 -> 2x3 windows: a clear winner in each corner, ties and a NaN window. */
  private static final float[] WINDOWS = {
    1, 5, /**/ 2, 2, /**/ 0, 0,
    3, 4, /**/ 1, 2, /**/ 0, -0f,
    7, 7, /**/ Float.NaN, 1, /**/ -1, -2,
    7, 1, /**/ 1, 1, /**/ -3, -1,
  };

  @Test
  void maxPoolSendsTheGradientToTheFirstLargestCellOfEachWindow() {
    float[] src = WINDOWS;
    Window window = Window.of(Shape.image(1, 4, 6), 1, 2, 2, 2, 2, Padding.VALID);
    float[] out = new float[window.outputSize()];
    Kernels.active().pool(window, true, src, out);
    float[] gradOut = {10, 20, 30, 40, 50, 60};
    float[] gradIn = new float[src.length];
    java.util.Arrays.fill(gradIn, 99f);

    Kernels.active().poolGradient(window, true, src, out, gradOut, gradIn);

    float[] expected = {
      0, 10, /**/ 20, 0, /**/ 30, 0,
      0, 0, /**/ 0, 0, /**/ 0, 0,
      40, 0, /**/ 50, 0, /**/ 60, 0,
      0, 0, /**/ 0, 0, /**/ 0, 0,
    };
    assertArrayEquals(expected, gradIn);
    float[] definition = new float[src.length];
    Reference.maxPoolGradient(window, src, gradOut, definition);
    assertArrayEquals(definition, gradIn, "the definition agrees");
  }

  @Test
  void maxPoolEdgeCasesAcrossAWideRowMatchTheDefinition() {
    // The windows above 17 times side by side, shifted by one window per copy so that each case
    // meets every neighbour, and one column no window covers.
    int copies = 17;
    int width = 6 * copies + 1;
    float[] src = new float[4 * width];
    for (int r = 0; r < 4; r++) {
      for (int k = 0; k < copies; k++) {
        for (int x = 0; x < 6; x++) {
          src[r * width + 6 * k + x] = WINDOWS[r * 6 + (x + 2 * k) % 6];
        }
      }
      src[r * width + width - 1] = 42f;
    }
    Window window = Window.of(Shape.image(1, 4, width), 1, 2, 2, 2, 2, Padding.VALID);
    float[] out = new float[window.outputSize()];
    Reference.maxPool(window, src, out);
    float[] gradOut = new float[out.length];
    for (int i = 0; i < gradOut.length; i++) {
      gradOut[i] = i % 7 == 3 ? -0f : i + 1;
    }
    float[] expected = new float[src.length];
    Reference.maxPoolGradient(window, src, gradOut, expected);
    for (Kernels kernels : KernelPathsTest.paths()) {
      float[] gradIn = new float[src.length];
      java.util.Arrays.fill(gradIn, 99f);
      kernels.poolGradient(window, true, src, out, gradOut, gradIn);
      // Exactly, but for the sign of a zero gradient (the definition sums from +0).
      assertArrayEquals(expected, gradIn, 0f, kernels.vectorApi() ? "Vector API" : "plain Java");
    }
  }
}
