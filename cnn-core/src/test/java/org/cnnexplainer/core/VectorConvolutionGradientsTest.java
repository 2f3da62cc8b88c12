package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conv2D's Vector API training path (forward, kernel, bias and input gradients) against the
 * plain-Java {@link WideConvolution} path, which {@link GradientCheckTest} checks against finite
 * differences. cnn-core's surefire configuration enables the incubator module.
 */
class VectorConvolutionGradientsTest {

  @BeforeEach
  void requireVectorApi() {
    assumeTrue(
        Acceleration.vectorApi(),
        "Vector API path is off: start the test JVM with " + Acceleration.VECTOR_API_OPTION);
  }

  @ParameterizedTest(name = "C{0} F{1} {2}x{3} k{4}x{5} {6}")
  @CsvSource({
    "1, 10, 28, 28, 3, 3, LINEAR",
    "10, 10, 26, 26, 3, 3, LINEAR",
    "10, 10, 12, 12, 3, 3, LINEAR",
    "10, 10, 10, 10, 3, 3, RELU",
    "3, 5, 12, 13, 3, 3, RELU",
    "2, 7, 15, 9, 2, 3, LINEAR",
    "4, 3, 11, 10, 1, 1, LINEAR",
    "3, 6, 14, 12, 5, 4, LINEAR",
  })
  void matchesThePlainJavaPath(
      int channels, int filters, int height, int width, int kh, int kw, Activation activation) {
    Random random = new Random(channels * 131L + filters * 17L + height);
    Conv2D conv =
        new Conv2D(
            "conv",
            random(random, Shape.of(filters, channels, kh, kw)),
            random(random, Shape.vector(filters)),
            1,
            1,
            Padding.VALID,
            activation);
    Shape inShape = Shape.image(channels, height, width);
    assertTrue(conv.vectorTraining(inShape), "case does not take the vector path");
    Shape outShape = conv.outputShape(inShape);
    float[][] params = conv.parameterArrays();
    float[] in = random(random, inShape).data;
    float[] gradOut = random(random, outShape).data;

    float[] expectedOut = new float[outShape.size()];
    WideConvolution.forward(conv, params[0], params[1], in, inShape, expectedOut, outShape);
    activation.applyInPlace(expectedOut, outShape);
    float[] out = new float[outShape.size()];
    conv.forwardInto(params, in, inShape, out, outShape, 1, false);
    assertClose("output", expectedOut, out);

    float[] plainGradOut = gradOut.clone();
    activation.scaleBySlopeAtOutput(plainGradOut, expectedOut);
    float[] expectedKernel = new float[params[0].length];
    float[] expectedBias = new float[filters];
    float[] expectedIn = new float[in.length];
    WideConvolution.backward(
        conv,
        params[0],
        in,
        inShape,
        plainGradOut,
        outShape,
        expectedKernel,
        expectedBias,
        expectedIn);

    int[] sizes = conv.gradientBufferSizes(inShape);
    float[][] buffers = {new float[sizes[0]], new float[sizes[1]]};
    float[] gradIn = new float[in.length];
    java.util.Arrays.fill(gradIn, Float.NaN); // must be overwritten
    // Two samples' worth: the accumulators must add, not overwrite.
    conv.backward(params, in, inShape, out, outShape, gradOut.clone(), null, buffers, 1, false);
    conv.backward(params, in, inShape, out, outShape, gradOut.clone(), gradIn, buffers, 1, false);
    float[][] grads = {new float[params[0].length], new float[filters]};
    conv.addGradients(buffers, inShape, grads);

    assertClose("input gradient", expectedIn, gradIn);
    for (int i = 0; i < expectedKernel.length; i++) {
      expectedKernel[i] *= 2;
    }
    for (int i = 0; i < filters; i++) {
      expectedBias[i] *= 2;
    }
    assertClose("kernel gradient", expectedKernel, grads[0]);
    assertClose("bias gradient", expectedBias, grads[1]);
  }

  private static void assertClose(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i], actual[i], 1e-4f * Math.max(1f, Math.abs(expected[i])), what + " " + i);
    }
  }

  private static Tensor random(Random random, Shape shape) {
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return Tensor.wrap(shape, values);
  }
}
