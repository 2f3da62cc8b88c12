package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optimised convolution and pooling loops against a direct transcription of their formulas, on
 * random shapes that hit every border case (padding on one side only, odd/even sizes, strides).
 */
class ConvolutionPathsTest {

  @ParameterizedTest(name = "C{0} F{1} {2}x{3} k{4}x{5} s{6}x{7} {8}")
  @CsvSource({
    "3, 10, 64, 64, 3, 3, 1, 1, VALID",
    "10, 10, 13, 17, 3, 3, 1, 1, SAME",
    "1, 6, 28, 28, 3, 3, 1, 1, VALID",
    "2, 3, 9, 8, 2, 3, 1, 1, SAME",
    "4, 5, 7, 11, 1, 1, 1, 1, VALID",
    "3, 7, 10, 9, 5, 4, 1, 1, SAME",
    "3, 4, 11, 10, 3, 3, 2, 2, SAME",
    "2, 3, 12, 9, 3, 2, 2, 3, VALID",
    "1, 1, 40, 40, 3, 3, 1, 1, VALID",
  })
  void convolutionMatchesDefinition(
      int channels,
      int filters,
      int height,
      int width,
      int kh,
      int kw,
      int sy,
      int sx,
      Padding padding) {
    Random random = new Random(channels * 31L + height * 7L + kw);
    Tensor kernel = random(random, Shape.of(filters, channels, kh, kw));
    Tensor bias = random(random, Shape.vector(filters));
    Conv2D conv = new Conv2D("conv", kernel, bias, sy, sx, padding, Activation.LINEAR);
    Tensor input = random(random, Shape.image(channels, height, width));

    Tensor actual = conv.forward(input);

    int outH = actual.shape().height();
    int outW = actual.shape().width();
    int top = padding.padBefore(height, kh, sy);
    int left = padding.padBefore(width, kw, sx);
    for (int f = 0; f < filters; f++) {
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          double sum = bias.at(f);
          for (int c = 0; c < channels; c++) {
            for (int ky = 0; ky < kh; ky++) {
              for (int kx = 0; kx < kw; kx++) {
                int y = oy * sy + ky - top;
                int x = ox * sx + kx - left;
                if (y >= 0 && y < height && x >= 0 && x < width) {
                  sum += input.get(c, y, x) * conv.weight(f, c, ky, kx);
                }
              }
            }
          }
          assertEquals(
              sum,
              actual.get(f, oy, ox),
              1e-5 * Math.max(1, Math.abs(sum)),
              "filter " + f + " at (" + oy + ", " + ox + ")");
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}x{2} pool {3}x{4} s{5}x{6} {7}")
  @CsvSource({
    "MAX, 62, 62, 2, 2, 2, 2, VALID",
    "MAX, 9, 11, 3, 3, 2, 2, SAME",
    "AVERAGE, 9, 11, 2, 2, 2, 2, SAME",
    "AVERAGE, 7, 6, 3, 2, 1, 1, SAME",
    "MAX, 8, 5, 2, 1, 1, 1, VALID",
  })
  void poolingMatchesDefinition(
      Pooling2D.Type type, int height, int width, int ph, int pw, int sy, int sx, Padding padding) {
    Random random = new Random(height * 13L + width);
    Pooling2D pool = new Pooling2D("pool", type, ph, pw, sy, sx, padding);
    Tensor input = random(random, Shape.image(2, height, width));

    Tensor actual = pool.forward(input);

    for (int c = 0; c < 2; c++) {
      for (int oy = 0; oy < actual.shape().height(); oy++) {
        for (int ox = 0; ox < actual.shape().width(); ox++) {
          double max = Double.NEGATIVE_INFINITY;
          double sum = 0;
          int count = 0;
          for (int y = pool.windowTop(input.shape(), oy);
              y < pool.windowTop(input.shape(), oy) + ph;
              y++) {
            for (int x = pool.windowLeft(input.shape(), ox);
                x < pool.windowLeft(input.shape(), ox) + pw;
                x++) {
              if (y >= 0 && y < height && x >= 0 && x < width) {
                max = Math.max(max, input.get(c, y, x));
                sum += input.get(c, y, x);
                count++;
              }
            }
          }
          double expected = type == Pooling2D.Type.MAX ? max : sum / count;
          assertEquals(
              expected, actual.get(c, oy, ox), 1e-6, "(" + c + ", " + oy + ", " + ox + ")");
        }
      }
    }
  }

  private static Tensor random(Random random, Shape shape) {
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return Tensor.of(shape, values);
  }
}
