package org.cnnexplainer.core.kernel;

import static org.cnnexplainer.core.testing.RandomTensors.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cnnexplainer.core.Acceleration;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.kernel.vector.VectorConvolution;
import org.cnnexplainer.core.kernel.vector.VectorConvolutionGradients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fast path against the definitions: {@link Reference}, plain Java and the Vector API, on
 * shapes that hit every border case (padding on one side only, odd and even sizes, strides, planes
 * too small for the vector tiles), for the convolution's forward pass, input gradient and kernel
 * and bias gradients; then pooling, dense layers and the ReLU's gate.
 *
 * <p>cnn-core's build runs this class twice: with the incubator module (both fast paths) and
 * without it (plain Java only; the Vector API cases are then skipped, saying why).
 */
class KernelPathsTest {
  private static final String[] CONVOLUTIONS = {
    "3, 10, 64, 64, 3, 3, 1, 1, VALID", // the original CNN Explainer's first layer
    "10, 10, 62, 62, 3, 3, 1, 1, VALID",
    "1, 10, 28, 28, 3, 3, 1, 1, VALID", // Fashion-MNIST Tiny VGG
    "10, 10, 10, 10, 3, 3, 1, 1, VALID",
    "5, 9, 33, 31, 3, 3, 1, 1, VALID", // tiles of four filters and a rest
    "3, 17, 21, 20, 3, 3, 1, 1, VALID", // tiles of ten and five filters and a rest (AVX-512)
    "4, 13, 20, 19, 3, 3, 1, 1, VALID", // ten filters and a last three (AVX-512)
    "10, 10, 13, 17, 3, 3, 1, 1, SAME",
    "3, 3, 20, 20, 3, 3, 1, 1, SAME",
    "2, 7, 9, 8, 2, 3, 1, 1, SAME", // padding after only
    "3, 1, 10, 9, 5, 4, 1, 1, SAME",
    "3, 6, 14, 12, 5, 4, 1, 1, VALID",
    "4, 5, 7, 11, 1, 1, 1, 1, VALID",
    "1, 1, 4, 5, 2, 2, 1, 1, VALID", // smaller than one vector tile
    "3, 4, 11, 10, 3, 3, 2, 2, SAME",
    "2, 3, 12, 9, 3, 2, 2, 3, VALID",
    "2, 3, 7, 6, 3, 3, 2, 1, SAME",
  };

  /** The fast paths this JVM can run: plain Java, and the Vector API when the module is there. */
  static List<Kernels> paths() {
    List<Kernels> paths = new ArrayList<>(List.of(Kernels.plain()));
    Kernels.vector().ifPresent(paths::add);
    return paths;
  }

  static Stream<Arguments> convolutions() {
    List<Arguments> cases = new ArrayList<>();
    for (String path : new String[] {"plain", "vector"}) {
      for (String c : CONVOLUTIONS) {
        int[] v =
            Arrays.stream(c.split(","))
                .limit(8)
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        Padding padding = Padding.valueOf(c.substring(c.lastIndexOf(',') + 1).trim());
        Window window =
            Window.of(Shape.image(v[0], v[2], v[3]), v[1], v[4], v[5], v[6], v[7], padding);
        cases.add(Arguments.of(path, c, window));
      }
    }
    return cases.stream();
  }

  private static Kernels path(String name) {
    if (name.equals("plain")) {
      return Kernels.plain();
    }
    assumeTrue(
        Kernels.vector().isPresent(),
        "Vector API path unavailable: start the JVM with "
            + Acceleration.VECTOR_API_OPTION
            + " on a CPU with 256-bit vectors (cnn-core's default test run does)");
    return Kernels.vector().orElseThrow();
  }

  @ParameterizedTest(name = "{0}: forward C, F, H, W, kh, kw, sy, sx = {1}")
  @MethodSource("convolutions")
  void convolutionForward(String name, String shape, Window g) {
    Kernels kernels = path(name);
    Random random = new Random(shape.hashCode());
    float[] in = uniform(random, g.inputSize());
    float[] kernel = uniform(random, g.kernelSize());
    float[] bias = uniform(random, g.filters());
    float[] expected = new float[g.outputSize()];
    Reference.correlate(g, in, kernel, bias, expected);
    float[] actual = new float[g.outputSize()];
    kernels.convolve(g, in, kernel, bias, actual);
    assertClose(name + " forward", expected, actual);

    Reference.correlate(g, in, kernel, null, expected);
    kernels.convolve(g, in, kernel, null, actual);
    assertClose(name + " forward without bias", expected, actual);
  }

  @ParameterizedTest(name = "{0}: input gradient C, F, H, W, kh, kw, sy, sx = {1}")
  @MethodSource("convolutions")
  void convolutionInputGradient(String name, String shape, Window g) {
    Kernels kernels = path(name);
    Random random = new Random(shape.hashCode() + 1);
    float[] kernel = uniform(random, g.kernelSize());
    float[] gradOut = uniform(random, g.outputSize());
    float[] expected = new float[g.inputSize()];
    Reference.correlationInputGradient(g, kernel, gradOut, expected);
    float[] actual = new float[g.inputSize()];
    Arrays.fill(actual, Float.NaN); // every cell must be overwritten
    kernels.convolutionInputGradient(g, kernel, gradOut, actual);
    assertClose(name + " input gradient", expected, actual);
  }

  @ParameterizedTest(name = "{0}: kernel gradient C, F, H, W, kh, kw, sy, sx = {1}")
  @MethodSource("convolutions")
  void convolutionKernelGradient(String name, String shape, Window g) {
    Kernels kernels = path(name);
    Random random = new Random(shape.hashCode() + 2);
    float[] in = uniform(random, g.inputSize());
    float[] gradOut = uniform(random, g.outputSize());
    float[] expectedKernel = new float[g.kernelSize()];
    float[] expectedBias = new float[g.filters()];
    Reference.correlationKernelGradient(g, in, gradOut, expectedKernel, expectedBias);

    int[] sizes = kernels.convolutionGradientSizes(g, true);
    if (kernels.vectorApi() && g.strideOne() && VectorConvolution.fits(g.valid())) {
      assertEquals(
          g.kernelSize() * VectorConvolutionGradients.lanes(),
          sizes[0],
          "a plane this large takes the Vector API's lane accumulators");
    }
    float[][] buffers = {new float[sizes[0]], new float[sizes[1]]};
    // Two samples' worth: the accumulators must add, not overwrite.
    kernels.accumulateConvolutionGradients(g, in, gradOut, buffers);
    kernels.accumulateConvolutionGradients(g, in, gradOut, buffers);
    float[][] sums = {new float[g.kernelSize()], new float[g.filters()]};
    kernels.reduceConvolutionGradients(g, buffers, sums);
    assertClose(name + " kernel gradient", times(2, expectedKernel), sums[0]);
    assertClose(name + " bias gradient", times(2, expectedBias), sums[1]);

    float[][] kernelOnly = {new float[kernels.convolutionGradientSizes(g, false)[0]]};
    kernels.accumulateConvolutionGradients(g, in, gradOut, kernelOnly);
    float[][] kernelSum = {new float[g.kernelSize()]};
    kernels.reduceConvolutionGradients(g, kernelOnly, kernelSum);
    assertClose(name + " kernel gradient without bias", expectedKernel, kernelSum[0]);
  }

  @ParameterizedTest(name = "{0} {1}x{2} pool {3}x{4} s{5}x{6} {7}")
  @CsvSource({
    "MAX, 62, 62, 2, 2, 2, 2, VALID", // the 2x2 fast path
    "MAX, 7, 5, 2, 2, 2, 2, VALID", // fast path, odd last row and column
    "MAX, 41, 35, 2, 2, 2, 2, VALID", // vector rows, the last one moved back, odd last column
    "MAX, 9, 11, 3, 3, 2, 2, SAME",
    "MAX, 7, 7, 2, 2, 2, 2, SAME", // 2x2 windows over the border: the general path
    "AVERAGE, 9, 11, 2, 2, 2, 2, SAME",
    "AVERAGE, 7, 6, 3, 2, 1, 1, SAME",
    "MAX, 8, 5, 2, 1, 1, 1, VALID",
    "AVERAGE, 10, 10, 4, 4, 3, 3, VALID",
  })
  void poolingMatchesTheDefinition(
      String type, int height, int width, int ph, int pw, int sy, int sx, Padding padding) {
    boolean max = type.equals("MAX");
    Window g = Window.of(Shape.image(3, height, width), 3, ph, pw, sy, sx, padding);
    Random random = new Random(height * 31L + width);
    // Distinct values, so that each window has one largest cell.
    float[] in = uniform(random, g.inputSize());
    float[] gradOut = uniform(random, g.outputSize());
    float[] expected = new float[g.outputSize()];
    float[] expectedGradient = new float[g.inputSize()];
    if (max) {
      Reference.maxPool(g, in, expected);
      Reference.maxPoolGradient(g, in, gradOut, expectedGradient);
    } else {
      Reference.averagePool(g, in, expected);
      Reference.averagePoolGradient(g, gradOut, expectedGradient);
    }
    for (Kernels kernels : paths()) {
      float[] out = new float[g.outputSize()];
      kernels.pool(g, max, in, out);
      assertClose(type + " pooling", expected, out);
      float[] gradIn = new float[g.inputSize()];
      Arrays.fill(gradIn, Float.NaN);
      kernels.poolGradient(g, max, in, out, gradOut, gradIn);
      assertClose(type + " pooling gradient", expectedGradient, gradIn);
    }
  }

  @Test
  void denseMatchesTheDefinition() {
    Random random = new Random(3);
    int inputs = 1690; // the original model's output layer
    int units = 10;
    float[] in = uniform(random, inputs);
    float[] kernel = uniform(random, inputs * units); // (I, J), as the definition reads it
    float[] byUnit = new float[kernel.length]; // (J, I), as the fast path reads it
    for (int i = 0; i < inputs; i++) {
      for (int j = 0; j < units; j++) {
        byUnit[j * inputs + i] = kernel[i * units + j];
      }
    }
    float[] bias = uniform(random, units);
    float[] gradOut = uniform(random, units);
    float[] expected = new float[units];
    Reference.dense(in, kernel, bias, units, expected);
    float[] expectedIn = new float[inputs];
    Reference.denseInputGradient(kernel, gradOut, expectedIn);
    float[] expectedKernel = new float[kernel.length];
    float[] expectedBias = new float[units];
    Reference.denseKernelGradient(in, gradOut, expectedKernel, expectedBias);
    for (Kernels kernels : paths()) {
      float[] out = new float[units];
      kernels.dense(byUnit, bias, in, out);
      assertClose("dense", expected, out);
      float[] gradIn = new float[inputs];
      kernels.denseInputGradient(byUnit, gradOut, gradIn);
      assertClose("dense input gradient", expectedIn, gradIn);
      float[] gradByUnit = new float[kernel.length];
      float[] gradBias = new float[units];
      kernels.accumulateDenseGradients(in, gradOut, gradByUnit, gradBias);
      for (int i = 0; i < inputs; i++) {
        for (int j = 0; j < units; j++) {
          assertEquals(expectedKernel[i * units + j], gradByUnit[j * inputs + i], 1e-6f);
        }
      }
      assertClose("dense bias gradient", expectedBias, gradBias);
    }
  }

  @Test
  void reluIsMathMaxWithZeroOnEveryPath() {
    float[] in = signEdgeCases();
    float[] expected = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      expected[i] = Math.max(in[i], 0f);
    }
    for (Kernels kernels : paths()) {
      float[] out = new float[in.length];
      kernels.relu(in, out);
      assertArrayEquals(expected, out, kernels.vectorApi() ? "Vector API" : "plain Java");
    }
  }

  /**
   * The edge cases of a test on the sign (signed zeros, subnormals, infinities, NaN) over several
   * vectors' worth of lanes, shifted so that each meets every lane, then a scalar tail.
   */
  static float[] signEdgeCases() {
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
    float[] values = new float[edges.length * 7];
    for (int i = 0; i < values.length; i++) {
      values[i] = edges[i % edges.length];
    }
    return values;
  }

  @Test
  void theVectorApiPathIsPresentWhenTheModuleIs() {
    boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    boolean disabled = "false".equalsIgnoreCase(System.getProperty("cnn.vectorApi"));
    assumeTrue(module && !disabled, "the JVM runs without the incubator module");
    assumeTrue(VectorConvolution.worthwhile(), "this CPU's vectors are narrower than 256 bits");
    assertEquals(Kernels.vector().orElse(null), Kernels.active(), "the active path");
  }

  private static float[] times(float factor, float[] values) {
    float[] scaled = values.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= factor;
    }
    return scaled;
  }

  /** Within float rounding of sums of up to a few thousand terms. */
  private static void assertClose(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i],
          actual[i],
          1e-4f * Math.max(1f, Math.abs(expected[i])),
          what + " differs at " + i);
    }
  }
}
