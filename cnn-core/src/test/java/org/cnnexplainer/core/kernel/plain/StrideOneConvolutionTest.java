package org.cnnexplainer.core.kernel.plain;

import static org.cnnexplainer.core.testing.RandomTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.Reference;
import org.cnnexplainer.core.kernel.Window;
import org.junit.jupiter.api.Test;

/**
 * The plain stride-1 kernel keeps its per-thread scratch arrays between calls and replaces them
 * after a garbage collection or when a layer has more filters: every call, whichever set it uses,
 * computes the definition.
 */
class StrideOneConvolutionTest {

  @Test
  void agreesWithTheDefinitionWhileItsScratchGrowsAndIsReplaced() {
    Random random = new Random(18);
    // Filter counts that grow, shrink and grow again; spans of one block and of several (the
    // 64x64 plane is 3,966 cells, four blocks); a collection between calls drops the scratch.
    int[][] shapes = {{3, 4, 9, 7}, {3, 10, 64, 64}, {2, 25, 12, 11}, {10, 6, 62, 62}};
    for (int round = 0; round < 2; round++) {
      for (int[] s : shapes) {
        Window g = Window.of(Shape.image(s[0], s[2], s[3]), s[1], 3, 3, 1, 1, Padding.VALID);
        float[] in = uniform(random, g.inputSize());
        float[] kernel = uniform(random, g.kernelSize());
        float[] bias = uniform(random, g.filters());
        float[] expected = new float[g.outputSize()];
        Reference.correlate(g, in, kernel, bias, expected);
        float[] actual = new float[g.outputSize()];
        StrideOneConvolution.correlate(g, in, kernel, bias, actual);
        for (int i = 0; i < expected.length; i++) {
          assertEquals(expected[i], actual[i], 1e-4f, "shape " + s[0] + "x" + s[1] + " cell " + i);
        }
        if (round == 1) {
          System.gc();
        }
      }
    }
  }
}
