package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Vector API convolution against the plain-Java one, which {@link ConvolutionPathsTest} checks
 * against the definition. cnn-core's surefire configuration starts the JVM with the incubator
 * module, so these run in the build.
 */
class VectorConvolutionTest {

  @BeforeEach
  void requireVectorApi() {
    assumeTrue(
        Acceleration.vectorApi(),
        "Vector API path is off: start the test JVM with " + Acceleration.VECTOR_API_OPTION);
  }

  @ParameterizedTest(name = "C{0} F{1} {2}x{3} k{4}x{5} {6}")
  @CsvSource({
    "3, 10, 64, 64, 3, 3, VALID",
    "10, 10, 62, 62, 3, 3, VALID",
    "10, 10, 13, 17, 3, 3, SAME",
    "1, 10, 28, 28, 3, 3, VALID",
    "10, 10, 10, 10, 3, 3, VALID",
    "2, 7, 9, 8, 2, 3, SAME",
    "4, 5, 7, 11, 1, 1, VALID",
    "3, 1, 10, 9, 5, 4, SAME",
    "3, 3, 20, 20, 3, 3, SAME",
    "5, 9, 33, 31, 3, 3, VALID",
  })
  void matchesThePlainJavaPath(
      int channels, int filters, int height, int width, int kh, int kw, Padding padding) {
    Random random = new Random(channels * 131L + filters * 17L + height);
    Conv2D conv =
        new Conv2D(
            "conv",
            TestNetworks.uniform(random, Shape.of(filters, channels, kh, kw), -1f, 1f),
            TestNetworks.uniform(random, Shape.vector(filters), -1f, 1f),
            1,
            1,
            padding,
            Activation.LINEAR);
    Tensor input = TestNetworks.uniform(random, Shape.image(channels, height, width), -1f, 1f);
    Shape out = conv.outputShape(input.shape());
    assertTrue(
        VectorConvolution.fits(out.height(), out.width(), out.width() + kw - 1),
        "case too small for the vector path: " + out);

    int paddedHeight = out.height() + kh - 1;
    int paddedWidth = out.width() + kw - 1;
    float[] src =
        Correlation.padded(
            input,
            paddedHeight,
            paddedWidth,
            padding.padBefore(height, kh, 1),
            padding.padBefore(width, kw, 1));
    float[] expected = new float[out.size()];
    StrideOneConvolution.correlate(
        src,
        0,
        channels,
        paddedHeight,
        paddedWidth,
        conv.kernel().data,
        conv.bias().data,
        filters,
        kh,
        kw,
        expected,
        0);
    float[] actual = new float[out.size()];
    VectorConvolution.correlate(
        src,
        0,
        channels,
        paddedHeight,
        paddedWidth,
        conv.kernel().data,
        conv.bias().data,
        filters,
        kh,
        kw,
        actual,
        0);

    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(
          expected[i], actual[i], 1e-5f * Math.max(1f, Math.abs(expected[i])), "cell " + i);
    }
    // The layer itself takes this path.
    assertEquals(actual[actual.length - 1], conv.forward(input).at(actual.length - 1), 0f);
  }

  @Test
  void writesAtOffsetsWithoutBiasAndLeavesTheRestAlone() {
    Random random = new Random(5);
    int channels = 2;
    int filters = 3;
    float[] kernel = TestNetworks.uniform(random, Shape.of(filters, channels, 3, 3), -1f, 1f).data;
    float[] src = new float[7 + channels * 12 * 12];
    for (int i = 7; i < src.length; i++) {
      src[i] = random.nextFloat() - 0.5f;
    }
    float[] out = new float[5 + filters * 10 * 10 + 5];
    java.util.Arrays.fill(out, 42f);

    VectorConvolution.correlate(src, 7, channels, 12, 12, kernel, null, filters, 3, 3, out, 5);

    assertEquals(42f, out[4], 0f);
    assertEquals(42f, out[out.length - 5], 0f);
    for (int f = 0; f < filters; f++) {
      for (int y = 0; y < 10; y++) {
        for (int x = 0; x < 10; x++) {
          double sum = 0;
          for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < 3; ky++) {
              for (int kx = 0; kx < 3; kx++) {
                sum +=
                    kernel[((f * channels + c) * 3 + ky) * 3 + kx]
                        * src[7 + (c * 12 + y + ky) * 12 + x + kx];
              }
            }
          }
          assertEquals(sum, out[5 + (f * 10 + y) * 10 + x], 1e-5, "f" + f + " y" + y + " x" + x);
        }
      }
    }
  }
}
