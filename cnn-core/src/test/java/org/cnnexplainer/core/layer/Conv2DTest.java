package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.kernel.Reference;
import org.junit.jupiter.api.Test;

/** Conv2D on cases small enough to work out by hand; the arithmetic is in the comments. */
class Conv2DTest {
  private static final float EPS = 1e-5f;

  /** {@code rows x cols} values {@code 0, 1, 2, ...} in row-major order (one channel). */
  static Tensor ramp(int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(Shape.image(1, rows, cols), v);
  }

  private static Conv2D conv(Tensor kernel, Tensor bias, int stride, Padding p, Activation a) {
    return new Conv2D("c", kernel, bias, stride, stride, p, a);
  }

  @Test
  void valid3x3TwoChannelsTwoFilters() {
    // channel 0 = 1..16 (4x4 row-major), channel 1 = all ones
    float[] in = new float[32];
    for (int i = 0; i < 16; i++) {
      in[i] = i + 1;
      in[16 + i] = 1;
    }
    Tensor input = Tensor.of(Shape.image(2, 4, 4), in);
    float[] k = new float[2 * 2 * 9];
    // filter 0, channel 0: [[1, 0, -1], [0, 1, 0], [2, 0, 0]] (not symmetric: catches flipping)
    float[] f0c0 = {1, 0, -1, 0, 1, 0, 2, 0, 0};
    System.arraycopy(f0c0, 0, k, 0, 9);
    // filter 0, channel 1: all 0.1, adds 9 * 0.1 * 1 = 0.9 at every position
    java.util.Arrays.fill(k, 9, 18, 0.1f);
    // filter 1, channel 0: centre weight 1 only; channel 1: zeros
    k[18 + 4] = 1;
    Conv2D layer =
        conv(
            Tensor.of(Shape.of(2, 2, 3, 3), k),
            Tensor.of(Shape.vector(2), 0.5f, -1f),
            1,
            Padding.VALID,
            Activation.LINEAR);
    Tensor out = layer.forward(input);
    assertEquals(Shape.image(2, 2, 2), out.shape());
    // filter 0 at (0,0): 1*1 + 3*(-1) + 6*1 + 9*2 = 22; (0,1): 2 - 4 + 7 + 20 = 25;
    // (1,0): 5 - 7 + 10 + 26 = 34; (1,1): 6 - 8 + 11 + 28 = 37; each + 0.9 + bias 0.5
    // filter 1: centre of each window minus 1: 6-1, 7-1, 10-1, 11-1
    assertArrayEquals(new float[] {23.4f, 26.4f, 35.4f, 38.4f, 5, 6, 9, 10}, out.toArray(), EPS);
    assertEquals(-1f, layer.weight(0, 0, 0, 2));
    assertEquals(2f, layer.weight(0, 0, 2, 0));
    // 2 * 2 * 9 weights + 2 biases; 8 outputs * 2 channels * 9 taps
    assertEquals(38, layer.parameterCount());
    assertEquals(144, layer.multiplyAdds(input.shape()));
  }

  @Test
  void sameStride2OddInputSplitsPaddingEvenly() {
    // in 5x5, k 3, s 2: out = ceil(5/2) = 3; total = (3-1)*2 + 3 - 5 = 2, 1 before, 1 after.
    assertEquals(1, Padding.SAME.padBefore(5, 3, 2));
    // input y*5 + x, all-ones kernel: each output sums the real cells of its window
    // rows/cols start at 2*o - 1: -1, 1, 3
    Conv2D layer = conv(ones(1, 1, 3, 3), null, 2, Padding.SAME, Activation.LINEAR);
    Tensor out = layer.forward(ramp(5, 5));
    assertEquals(Shape.image(1, 3, 3), out.shape());
    // (0,0) rows 0-1 cols 0-1: 0+1+5+6 = 12; (0,1) cols 1-3: 1+2+3+6+7+8 = 27;
    // (0,2) cols 3-4: 3+4+8+9 = 24; (1,0) rows 1-3 cols 0-1: 11+21+31 = 63;
    // (1,1): 21+36+51 = 108; (1,2): 17+27+37 = 81; (2,0) rows 3-4: 15+16+20+21 = 72;
    // (2,1): 16+17+18+21+22+23 = 117; (2,2): 18+19+23+24 = 84
    assertArrayEquals(new float[] {12, 27, 24, 63, 108, 81, 72, 117, 84}, out.toArray(), EPS);
    // use_bias false: 9 weights only, and the bias reads as zero
    assertFalse(layer.useBias());
    assertEquals(9, layer.parameterCount());
    assertEquals(0f, layer.bias().at(0));
  }

  @Test
  void sameStride2EvenInputPadsAfterOnly() {
    // in 4x4, k 3, s 2: out = 2; total = (2-1)*2 + 3 - 4 = 1: floor(1/2) = 0 before, 1 after
    assertEquals(0, Padding.SAME.padBefore(4, 3, 2));
    // in 7, k 4, s 1: total = 3 -> 1 before (floor), 2 after
    assertEquals(1, Padding.SAME.padBefore(7, 4, 1));
    Conv2D layer = conv(ones(1, 1, 3, 3), null, 2, Padding.SAME, Activation.LINEAR);
    Tensor out = layer.forward(ramp(4, 4));
    // windows start at rows/cols 0 and 2; (0,0): 0+1+2 + 4+5+6 + 8+9+10 = 45;
    // (0,1) cols 2-3: 2+3 + 6+7 + 10+11 = 39; (1,0) rows 2-3: 8+9+10 + 12+13+14 = 66;
    // (1,1): 10+11+14+15 = 50
    assertArrayEquals(new float[] {45, 39, 66, 50}, out.toArray(), EPS);
  }

  @Test
  void nonSquareKernelValidAndSame() {
    // kernel 2x3 [[1, 0, 0], [0, 0, 1]]: out[y][x] = in[y][x] + in[y+1][x+2] (valid)
    Tensor kernel = Tensor.of(Shape.of(1, 1, 2, 3), 1, 0, 0, 0, 0, 1);
    Tensor input = ramp(3, 4); // rows 0..3, 4..7, 8..11
    Tensor valid = conv(kernel, null, 1, Padding.VALID, Activation.LINEAR).forward(input);
    // Ho = 3-2+1 = 2, Wo = 4-3+1 = 2; (0,0): 0 + 6; (0,1): 1 + 7; (1,0): 4 + 10; (1,1): 5 + 11
    assertEquals(Shape.image(1, 2, 2), valid.shape());
    assertArrayEquals(new float[] {6, 8, 14, 16}, valid.toArray(), EPS);
    // same: rows total pad 1 -> 0 before; cols total pad 2 -> 1 before.
    // out[y][x] = in[y][x-1] + in[y+1][x+1], zero outside
    Tensor same = conv(kernel, null, 1, Padding.SAME, Activation.LINEAR).forward(input);
    assertEquals(Shape.image(1, 3, 4), same.shape());
    // y0: 0+5, 0+6, 1+7, 2+0; y1: 0+9, 4+10, 5+11, 6+0; y2: 0, 8, 9, 10 (row 3 is padding)
    assertArrayEquals(new float[] {5, 6, 8, 2, 9, 14, 16, 6, 0, 8, 9, 10}, same.toArray(), EPS);
  }

  @Test
  void fusedReluAndSigmoid() {
    // centre weight -1, bias 6.5 on 1..16: pre = 6.5 - {6, 7, 10, 11} = {0.5, -0.5, -3.5, -4.5}
    float[] k = new float[9];
    k[4] = -1;
    Tensor kernel = Tensor.of(Shape.of(1, 1, 3, 3), k);
    Tensor bias = Tensor.of(Shape.vector(1), 6.5f);
    float[] in = new float[16];
    for (int i = 0; i < 16; i++) {
      in[i] = i + 1;
    }
    Tensor input = Tensor.of(Shape.image(1, 4, 4), in);
    Tensor relu = conv(kernel, bias, 1, Padding.VALID, Activation.RELU).forward(input);
    assertArrayEquals(new float[] {0.5f, 0, 0, 0}, relu.toArray(), EPS);
    // sigmoid = 1 / (1 + exp(-pre)): 0.6224593, 0.3775407, 0.0293122, 0.0109869
    Tensor sigmoid = conv(kernel, bias, 1, Padding.VALID, Activation.SIGMOID).forward(input);
    assertArrayEquals(
        new float[] {0.6224593f, 0.3775407f, 0.0293122f, 0.0109869f}, sigmoid.toArray(), EPS);
  }

  @Test
  void allPaddingsAndStridesMatchTheDirectFormula() {
    // Wide inputs with 3-wide kernels take the row fast path, 5x3 kernels and strides the general
    // one; both must agree with the textbook sum evaluated in double.
    java.util.Random random = new java.util.Random(7);
    float[] in = new float[3 * 6 * 11];
    for (int i = 0; i < in.length; i++) {
      in[i] = random.nextFloat();
    }
    Tensor input = Tensor.of(Shape.image(3, 6, 11), in);
    for (int kh : new int[] {3, 5}) {
      float[] k = new float[2 * 3 * kh * 3];
      for (int i = 0; i < k.length; i++) {
        k[i] = random.nextFloat() - 0.5f;
      }
      for (Padding padding : Padding.values()) {
        for (int sy = 1; sy <= 2; sy++) {
          for (int sx = 1; sx <= 2; sx++) {
            Conv2D layer =
                new Conv2D(
                    "c",
                    Tensor.of(Shape.of(2, 3, kh, 3), k),
                    Tensor.of(Shape.vector(2), 0.25f, -0.5f),
                    sy,
                    sx,
                    padding,
                    Activation.LINEAR);
            String where = padding + " kernel " + kh + "x3 strides " + sy + "x" + sx;
            assertMatchesFormula(layer, input, where);
          }
        }
      }
    }
  }

  /** The layer against the definition ({@link Reference#correlate}, summed in double). */
  private static void assertMatchesFormula(Conv2D layer, Tensor input, String where) {
    Tensor out = layer.forward(input);
    float[] expected = new float[out.size()];
    Reference.correlate(
        layer.window(input.shape()),
        input.toArray(),
        layer.kernel().toArray(),
        layer.bias().toArray(),
        expected);
    assertArrayEquals(expected, out.toArray(), 1e-5f, where);
  }

  @Test
  void rejectsBadConfigurationAndInput() {
    Tensor kernel = ones(2, 3, 3, 3);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> conv(kernel, Tensor.zeros(Shape.vector(3)), 1, Padding.VALID, Activation.RELU));
    assertTrue(e.getMessage().contains("bias must have shape [2], got [3]"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Conv2D("c", kernel, null, 0, 1, Padding.VALID, Activation.RELU));
    assertTrue(e.getMessage().contains("strides must be positive, got 0x1"), e.getMessage());
    Conv2D layer = conv(kernel, null, 1, Padding.VALID, Activation.RELU);
    e = assertThrows(IllegalArgumentException.class, () -> layer.outputShape(Shape.image(1, 8, 8)));
    assertTrue(e.getMessage().contains("expects 3 input channels"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> layer.outputShape(Shape.image(3, 2, 8)));
    assertTrue(e.getMessage().contains("window 3 is larger than the input 2"), e.getMessage());
  }

  static Tensor ones(int... dims) {
    Shape shape = Shape.of(dims);
    float[] v = new float[shape.size()];
    java.util.Arrays.fill(v, 1f);
    return Tensor.of(shape, v);
  }
}
