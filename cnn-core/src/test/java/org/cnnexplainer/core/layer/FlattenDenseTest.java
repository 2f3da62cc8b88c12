package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;

/** Flatten's TF.js order and Dense (with fused softmax) on hand-worked values. */
class FlattenDenseTest {

  /** (2 channels, 2 rows, 3 cols) holding 100*c + 10*y + x, so each value names its cell. */
  private static Tensor labelled() {
    float[] v = new float[12];
    for (int c = 0; c < 2; c++) {
      for (int y = 0; y < 2; y++) {
        for (int x = 0; x < 3; x++) {
          v[(c * 2 + y) * 3 + x] = 100 * c + 10 * y + x;
        }
      }
    }
    return Tensor.of(Shape.image(2, 2, 3), v);
  }

  @Test
  void flattenEmitsChannelLastOrder() {
    // index (y*W + x)*C + c: channel fastest, then column, then row
    Tensor out = new Flatten("f").forward(labelled());
    assertEquals(Shape.vector(12), out.shape());
    assertArrayEquals(
        new float[] {0, 100, 1, 101, 2, 102, 10, 110, 11, 111, 12, 112}, out.toArray(), 0f);
  }

  @Test
  void flatIndexAndSourceOfAreInverse() {
    Shape shape = Shape.image(2, 2, 3);
    // (c=1, y=1, x=2): (1*3 + 2)*2 + 1 = 11; (c=0, y=1, x=0): (1*3 + 0)*2 + 0 = 6
    assertEquals(11, Flatten.flatIndex(shape, 1, 1, 2));
    assertEquals(6, Flatten.flatIndex(shape, 0, 1, 0));
    // index 7 = pixel 3 (y 1, x 0), channel 1
    assertArrayEquals(new int[] {1, 1, 0}, Flatten.sourceOf(shape, 7));
    Tensor flat = new Flatten("f").forward(labelled());
    for (int i = 0; i < 12; i++) {
      int[] s = Flatten.sourceOf(shape, i);
      assertEquals(i, Flatten.flatIndex(shape, s[0], s[1], s[2]));
      assertEquals(labelled().get(s[0], s[1], s[2]), flat.at(i));
    }
  }

  @Test
  void flatIndexAndSourceOfRejectOutOfRange() {
    Shape shape = Shape.image(2, 2, 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Flatten.flatIndex(shape, 0, 0, 3));
    assertTrue(e.getMessage().contains("(0, 0, 3) is outside [2, 2, 3]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Flatten.sourceOf(shape, 12));
    assertTrue(e.getMessage().contains("index 12 is outside 0..11"), e.getMessage());
  }

  @Test
  void denseWithFusedSoftmax() {
    // kernel rows are inputs: [[1, 0, -1], [0, 1, 1]], bias [0, 0, 0.5], input [1, 2]
    Dense dense =
        new Dense(
            "d",
            Tensor.of(Shape.of(2, 3), 1, 0, -1, 0, 1, 1),
            Tensor.of(Shape.vector(3), 0, 0, 0.5f),
            Activation.SOFTMAX);
    assertEquals(-1f, dense.weight(0, 2));
    assertEquals(1f, dense.weight(1, 2));
    // logits: 1*1 + 2*0 = 1; 1*0 + 2*1 = 2; 1*(-1) + 2*1 + 0.5 = 1.5
    // exp(l - 2) = 0.36787944, 1, 0.60653066; sum 1.97441010
    // probabilities 0.18632372, 0.50648039, 0.30719589
    Tensor out = dense.forward(Tensor.of(Shape.vector(2), 1, 2));
    assertArrayEquals(new float[] {0.18632372f, 0.50648039f, 0.30719589f}, out.toArray(), 1e-6f);
    Network net = new Network("n", Shape.vector(2), List.of(dense), null);
    ActivationTrace trace = net.trace(Tensor.of(Shape.vector(2), 1, 2));
    assertArrayEquals(new float[] {1, 2, 1.5f}, trace.logits().orElseThrow().toArray(), 1e-6f);
    assertEquals(9, dense.parameterCount());
    assertEquals(6, dense.multiplyAdds(Shape.vector(2)));
  }

  @Test
  void denseWithoutBiasAndShapeErrors() {
    Dense dense = new Dense("d", Tensor.of(Shape.of(2, 1), 3, -2), null, Activation.LINEAR);
    // 3*4 + (-2)*5 = 2
    assertArrayEquals(
        new float[] {2}, dense.forward(Tensor.of(Shape.vector(2), 4, 5)).toArray(), 0f);
    assertEquals(2, dense.parameterCount());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> dense.outputShape(Shape.image(2, 1, 1)));
    assertTrue(e.getMessage().contains("add a Flatten layer before it"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Dense(
                    "d",
                    Tensor.zeros(Shape.of(2, 3)),
                    Tensor.zeros(Shape.vector(2)),
                    Activation.LINEAR));
    assertTrue(e.getMessage().contains("bias must have shape [3], got [2]"), e.getMessage());
  }
}
