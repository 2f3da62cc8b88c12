package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conv2D's stride-1 training path (forward, kernel, bias and input gradients) against the formulas
 * computed directly. cnn-core's build runs it twice: with the Vector API and without.
 */
class ConvolutionTrainingTest {

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
  void matchesTheDefinitions(
      int channels, int filters, int height, int width, int kh, int kw, Activation activation) {
    Random random = new Random(channels * 131L + filters * 17L + height);
    Conv2D conv =
        new Conv2D(
            "conv",
            TestNetworks.uniform(random, Shape.of(filters, channels, kh, kw), -1f, 1f),
            TestNetworks.uniform(random, Shape.vector(filters), -1f, 1f),
            1,
            1,
            Padding.VALID,
            activation);
    Shape inShape = Shape.image(channels, height, width);
    assertEquals(
        Acceleration.vectorApi(),
        conv.vectorKernelGradient(inShape),
        "case does not take the path this JVM should use");
    Shape outShape = conv.outputShape(inShape);
    float[][] params = conv.parameterArrays();
    float[] in = TestNetworks.uniform(random, inShape, -1f, 1f).data;
    float[] gradOut = TestNetworks.uniform(random, outShape, -1f, 1f).data;

    int outHeight = outShape.height();
    int outWidth = outShape.width();
    float[] expectedOut = new float[outShape.size()];
    for (int f = 0, o = 0; f < filters; f++) {
      for (int oy = 0; oy < outHeight; oy++) {
        for (int ox = 0; ox < outWidth; ox++, o++) {
          double sum = params[1][f];
          for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                sum +=
                    (double) conv.weight(f, c, ky, kx)
                        * in[(c * height + oy + ky) * width + ox + kx];
              }
            }
          }
          expectedOut[o] = activation.apply((float) sum);
        }
      }
    }
    float[] out = new float[outShape.size()];
    conv.forwardInto(params, in, inShape, out, outShape, 1, false);
    assertClose("output", expectedOut, out);

    // g = dLoss/dOut times the activation's slope; then every gradient is a sum over cells.
    float[] g = gradOut.clone();
    activation.scaleBySlopeAtOutput(g, expectedOut);
    double[] expectedKernel = new double[params[0].length];
    double[] expectedBias = new double[filters];
    double[] expectedIn = new double[in.length];
    for (int f = 0, o = 0; f < filters; f++) {
      for (int oy = 0; oy < outHeight; oy++) {
        for (int ox = 0; ox < outWidth; ox++, o++) {
          expectedBias[f] += g[o];
          for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                int cell = (c * height + oy + ky) * width + ox + kx;
                expectedKernel[((f * channels + c) * kh + ky) * kw + kx] +=
                    (double) g[o] * in[cell];
                expectedIn[cell] += (double) g[o] * conv.weight(f, c, ky, kx);
              }
            }
          }
        }
      }
    }

    int[] sizes = conv.gradientBufferSizes(inShape);
    float[][] buffers = {new float[sizes[0]], new float[sizes[1]]};
    float[] gradIn = new float[in.length];
    java.util.Arrays.fill(gradIn, Float.NaN); // must be overwritten
    // Two samples' worth: the accumulators must add, not overwrite.
    conv.backward(params, in, inShape, out, outShape, gradOut.clone(), null, buffers, 1, false);
    conv.backward(params, in, inShape, out, outShape, gradOut.clone(), gradIn, buffers, 1, false);
    float[][] grads = {new float[params[0].length], new float[filters]};
    conv.addGradients(buffers, inShape, grads);

    assertClose("input gradient", expectedIn, 1, gradIn);
    assertClose("kernel gradient", expectedKernel, 2, grads[0]);
    assertClose("bias gradient", expectedBias, 2, grads[1]);
  }

  private static void assertClose(String what, float[] expected, float[] actual) {
    double[] wide = new double[expected.length];
    for (int i = 0; i < wide.length; i++) {
      wide[i] = expected[i];
    }
    assertClose(what, wide, 1, actual);
  }

  /** {@code actual} against {@code times * expected}. */
  private static void assertClose(String what, double[] expected, int times, float[] actual) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      double e = times * expected[i];
      assertEquals(e, actual[i], 1e-4 * Math.max(1, Math.abs(e)), what + " " + i);
    }
  }
}
