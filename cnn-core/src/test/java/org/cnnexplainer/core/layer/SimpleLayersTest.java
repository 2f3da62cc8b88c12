package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;

/** BatchNormalization, Dropout and InputLayer; every layer's named parameters. */
class SimpleLayersTest {

  @Test
  void parametersAreTheWeightsByTheirTfjsNamesInOrder() {
    Tensor kernel = Tensor.of(Shape.of(1, 1, 1, 2), 1, 2);
    Tensor bias = Tensor.of(Shape.vector(1), 3);
    Conv2D conv = new Conv2D("c", kernel, bias, 1, 1, Padding.VALID, Activation.LINEAR);
    assertEquals(
        java.util.List.of("kernel", "bias"), java.util.List.copyOf(conv.parameters().keySet()));
    assertSame(kernel, conv.parameters().get("kernel"));
    assertSame(bias, conv.parameters().get("bias"));
    Conv2D noBias = new Conv2D("c", kernel, null, 1, 1, Padding.VALID, Activation.LINEAR);
    assertEquals(java.util.List.of("kernel"), java.util.List.copyOf(noBias.parameters().keySet()));
    Tensor dense = Tensor.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
    assertSame(dense, new Dense("d", dense, null, Activation.LINEAR).parameters().get("kernel"));
    assertEquals(
        java.util.List.of("gamma", "beta"), java.util.List.copyOf(norm().parameters().keySet()));
    assertEquals(java.util.Map.of(), new Flatten("f").parameters());
    assertThrows(UnsupportedOperationException.class, () -> conv.parameters().remove("bias"));
  }

  private static BatchNormalization norm() {
    // gamma [2, 1], beta [0.5, -1], mean [1, 10], variance + epsilon = [4, 25]
    return new BatchNormalization(
        "bn",
        Tensor.of(Shape.vector(2), 2, 1),
        Tensor.of(Shape.vector(2), 0.5f, -1),
        Tensor.of(Shape.vector(2), 1, 10),
        Tensor.of(Shape.vector(2), 3.999f, 24.999f),
        0.001f);
  }

  @Test
  void batchNormalizationInferenceFormula() {
    // (x - mean) / sqrt(var + eps) * gamma + beta
    // channel 0, x = 1, 3: (x - 1) / 2 * 2 + 0.5 = 0.5, 2.5
    // channel 1, x = 10, 20: (x - 10) / 5 * 1 - 1 = -1, 1
    Tensor image = Tensor.of(Shape.image(2, 1, 2), 1, 3, 10, 20);
    assertArrayEquals(new float[] {0.5f, 2.5f, -1f, 1f}, norm().forward(image).toArray(), 1e-5f);
    // On a vector the channel is the position: [1, 20] -> [0.5, 1]
    Tensor vector = Tensor.of(Shape.vector(2), 1, 20);
    assertArrayEquals(new float[] {0.5f, 1f}, norm().forward(vector).toArray(), 1e-5f);
    assertEquals(8, norm().parameterCount());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> norm().outputShape(Shape.image(3, 2, 2)));
    assertTrue(e.getMessage().contains("expects 2 channels"), e.getMessage());
  }

  @Test
  void dropoutIsTheIdentity() {
    Tensor in = Tensor.of(Shape.image(1, 2, 2), 1, -2, 3, -4);
    Dropout dropout = new Dropout("d", 0.5f);
    assertEquals(in, dropout.forward(in));
    assertEquals(0.5f, dropout.rate());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Dropout("d", 1f));
    assertTrue(e.getMessage().contains("[0, 1), got 1.0"), e.getMessage());
  }

  @Test
  void inputLayerChecksTheShape() {
    InputLayer input = new InputLayer("input_1", Shape.image(3, 4, 4));
    Tensor x = Tensor.of(Shape.image(3, 4, 4), new float[48]);
    assertEquals(x, input.forward(x));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> input.forward(Tensor.zeros(Shape.image(1, 4, 4))));
    assertEquals("input layer 'input_1' expects shape [3, 4, 4], got [1, 4, 4]", e.getMessage());
    assertThrows(NullPointerException.class, () -> new InputLayer("input_1", null));
  }
}
