package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;

/** Max and average pooling on hand-worked windows, valid and same, stride 1 and 2. */
class Pooling2DTest {
  private static final float EPS = 1e-6f;

  // 4x4:
  //  1 5 2 0
  //  3 4 8 6
  //  7 0 9 1
  //  2 3 4 5
  private static final Tensor GRID =
      Tensor.of(Shape.image(1, 4, 4), 1, 5, 2, 0, 3, 4, 8, 6, 7, 0, 9, 1, 2, 3, 4, 5);

  // 3x3, all negative, so a padded zero would win a max and shift an average:
  // -1 -2 -3
  // -4 -5 -6
  // -7 -8 -9
  private static final Tensor NEGATIVE =
      Tensor.of(Shape.image(1, 3, 3), -1, -2, -3, -4, -5, -6, -7, -8, -9);

  private static Pooling2D pool(Pooling2D.Type type, int k, int s, Padding padding) {
    return new Pooling2D("p", type, k, k, s, s, padding);
  }

  @Test
  void validStride2() {
    // windows {1,5,3,4} {2,0,8,6} {7,0,2,3} {9,1,4,5}
    Tensor max = pool(Pooling2D.Type.MAX, 2, 2, Padding.VALID).forward(GRID);
    assertEquals(Shape.image(1, 2, 2), max.shape());
    assertArrayEquals(new float[] {5, 8, 7, 9}, max.toArray(), EPS);
    // averages: 13/4, 16/4, 12/4, 19/4
    Tensor avg = pool(Pooling2D.Type.AVERAGE, 2, 2, Padding.VALID).forward(GRID);
    assertArrayEquals(new float[] {3.25f, 4f, 3f, 4.75f}, avg.toArray(), EPS);
  }

  @Test
  void validStride1() {
    // 3x3 outputs; row 0: max{1,5,3,4}=5, max{5,2,4,8}=8, max{2,0,8,6}=8
    // row 1: max{3,4,7,0}=7, max{4,8,0,9}=9, max{8,6,9,1}=9
    // row 2: max{7,0,2,3}=7, max{0,9,3,4}=9, max{9,1,4,5}=9
    Tensor max = pool(Pooling2D.Type.MAX, 2, 1, Padding.VALID).forward(GRID);
    assertArrayEquals(new float[] {5, 8, 8, 7, 9, 9, 7, 9, 9}, max.toArray(), EPS);
    // (0,0): 13/4 = 3.25; (1,1): (4+8+0+9)/4 = 5.25; (2,2): (9+1+4+5)/4 = 4.75
    Tensor avg = pool(Pooling2D.Type.AVERAGE, 2, 1, Padding.VALID).forward(GRID);
    assertEquals(3.25f, avg.get(0, 0, 0), EPS);
    assertEquals(5.25f, avg.get(0, 1, 1), EPS);
    assertEquals(4.75f, avg.get(0, 2, 2), EPS);
  }

  @Test
  void sameStride2IgnoresPadding() {
    // in 3, k 2, s 2: out 2, total pad (2-1)*2 + 2 - 3 = 1 -> 0 before, 1 after.
    // Windows: rows/cols {0,1} and {2}.
    Pooling2D maxPool = pool(Pooling2D.Type.MAX, 2, 2, Padding.SAME);
    assertEquals(0, maxPool.windowTop(NEGATIVE.shape(), 0));
    assertEquals(2, maxPool.windowLeft(NEGATIVE.shape(), 1));
    // max{-1,-2,-4,-5} = -1, max{-3,-6} = -3, max{-7,-8} = -7, max{-9} = -9 (never a padded 0)
    assertArrayEquals(new float[] {-1, -3, -7, -9}, maxPool.forward(NEGATIVE).toArray(), EPS);
    // averages over real cells only: -12/4 = -3, -9/2 = -4.5, -15/2 = -7.5, -9/1 = -9
    Tensor avg = pool(Pooling2D.Type.AVERAGE, 2, 2, Padding.SAME).forward(NEGATIVE);
    assertArrayEquals(new float[] {-3, -4.5f, -7.5f, -9}, avg.toArray(), EPS);
  }

  @Test
  void sameStride1ThreeByThree() {
    // in 3, k 3, s 1: out 3, total pad 2 -> 1 before; window of (y, x) starts at (y-1, x-1)
    Pooling2D maxPool = pool(Pooling2D.Type.MAX, 3, 1, Padding.SAME);
    assertEquals(-1, maxPool.windowTop(NEGATIVE.shape(), 0));
    Tensor max = maxPool.forward(NEGATIVE);
    // (0,0): max{-1,-2,-4,-5} = -1; (1,1): all nine -> -1; (2,2): max{-5,-6,-8,-9} = -5
    assertEquals(-1f, max.get(0, 0, 0));
    assertEquals(-1f, max.get(0, 1, 1));
    assertEquals(-5f, max.get(0, 2, 2));
    Tensor avg = pool(Pooling2D.Type.AVERAGE, 3, 1, Padding.SAME).forward(NEGATIVE);
    // (0,0): -12/4 = -3; (0,1): (-1-2-3-4-5-6)/6 = -3.5; (1,1): -45/9 = -5; (2,2): -28/4 = -7
    assertEquals(-3f, avg.get(0, 0, 0), EPS);
    assertEquals(-3.5f, avg.get(0, 0, 1), EPS);
    assertEquals(-5f, avg.get(0, 1, 1), EPS);
    assertEquals(-7f, avg.get(0, 2, 2), EPS);
  }

  @Test
  void poolsEachChannelSeparatelyAndReportsKind() {
    // channel 1 = channel 0 * 10: results scale by 10 and stay in their channel
    float[] v = new float[32];
    for (int i = 0; i < 16; i++) {
      v[i] = GRID.at(i);
      v[16 + i] = 10 * GRID.at(i);
    }
    Tensor out =
        pool(Pooling2D.Type.MAX, 2, 2, Padding.VALID).forward(Tensor.of(Shape.image(2, 4, 4), v));
    assertArrayEquals(new float[] {5, 8, 7, 9, 50, 80, 70, 90}, out.toArray(), EPS);
    assertEquals("MaxPooling2D", pool(Pooling2D.Type.MAX, 2, 2, Padding.VALID).kind());
    assertEquals("AveragePooling2D", pool(Pooling2D.Type.AVERAGE, 2, 2, Padding.VALID).kind());
  }

  @Test
  void rejectsBadSizes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Pooling2D("p", Pooling2D.Type.MAX, 2, 0, 1, 1, Padding.VALID));
    assertTrue(e.getMessage().contains("pool 2x0"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> pool(Pooling2D.Type.MAX, 4, 1, Padding.VALID).outputShape(Shape.image(1, 3, 5)));
    assertTrue(e.getMessage().contains("window 4 is larger than the input 3"), e.getMessage());
  }
}
