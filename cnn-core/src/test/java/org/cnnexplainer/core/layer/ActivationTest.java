package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.junit.jupiter.api.Test;

/** Every {@link Activation} against its textbook formula, alone and inside an ActivationLayer. */
class ActivationTest {
  private static final float[] XS = {-30f, -3f, -1f, -0.5f, 0f, 0.25f, 1f, 2f, 3f, 7f, 40f};

  /** Formulas written independently in double, as in the Keras / TF.js docs. */
  private static Map<Activation, DoubleUnaryOperator> formulas() {
    double alpha = 1.6732632423543772;
    double scale = 1.0507009873554805;
    Map<Activation, DoubleUnaryOperator> f = new EnumMap<>(Activation.class);
    f.put(Activation.LINEAR, x -> x);
    f.put(Activation.RELU, x -> Math.max(0, x));
    f.put(Activation.RELU6, x -> Math.min(6, Math.max(0, x)));
    f.put(Activation.SIGMOID, x -> 1 / (1 + Math.exp(-x)));
    f.put(Activation.TANH, Math::tanh);
    f.put(Activation.ELU, x -> x > 0 ? x : Math.exp(x) - 1);
    f.put(Activation.SELU, x -> scale * (x > 0 ? x : alpha * (Math.exp(x) - 1)));
    f.put(Activation.SOFTPLUS, x -> Math.log(1 + Math.exp(x)));
    f.put(Activation.SOFTSIGN, x -> x / (1 + Math.abs(x)));
    f.put(Activation.HARD_SIGMOID, x -> Math.min(1, Math.max(0, 0.2 * x + 0.5)));
    f.put(Activation.SWISH, x -> x / (1 + Math.exp(-x)));
    return f;
  }

  @Test
  void everyElementwiseActivationMatchesItsFormula() {
    Map<Activation, DoubleUnaryOperator> formulas = formulas();
    for (Activation a : Activation.values()) {
      if (a == Activation.SOFTMAX) {
        assertFalse(a.isElementwise());
        continue;
      }
      assertTrue(formulas.containsKey(a), "no test formula for " + a);
      float[] expected = new float[XS.length];
      for (int i = 0; i < XS.length; i++) {
        expected[i] = (float) formulas.get(a).applyAsDouble(XS[i]);
        assertEquals(
            expected[i],
            a.apply(XS[i]),
            1e-6f * Math.max(1, Math.abs(expected[i])),
            a + "(" + XS[i] + ")");
      }
      // The layer applies the same function to every element, whatever the shape.
      Tensor in = Tensor.of(Shape.image(1, 1, XS.length), XS);
      Tensor out = new ActivationLayer("a", a).forward(in);
      assertArrayEquals(expected, out.toArray(), 1e-5f, a.tfjsName());
      assertEquals(a, Activation.fromTfjsName(a.tfjsName()));
    }
  }

  @Test
  void handPickedValues() {
    assertEquals(6f, Activation.RELU6.apply(7f));
    // hard_sigmoid(1) = 0.2 + 0.5 = 0.7; clipped at -3 and 3
    assertEquals(0.7f, Activation.HARD_SIGMOID.apply(1f), 1e-7f);
    assertEquals(0f, Activation.HARD_SIGMOID.apply(-3f));
    assertEquals(1f, Activation.HARD_SIGMOID.apply(3f));
    // selu(-1) = 1.0507 * 1.6733 * (e^-1 - 1) = -1.1113307
    assertEquals(-1.1113307f, Activation.SELU.apply(-1f), 1e-6f);
    // softplus(2) = ln(1 + e^2) = 2.1269280; swish(2) = 2 * sigmoid(2) = 1.7615942
    assertEquals(2.1269280f, Activation.SOFTPLUS.apply(2f), 1e-6f);
    assertEquals(1.7615942f, Activation.SWISH.apply(2f), 1e-6f);
    // softplus stays finite where exp overflows
    assertEquals(100f, Activation.SOFTPLUS.apply(100f), 1e-5f);
    assertEquals(Activation.HARD_SIGMOID, Activation.fromTfjsName("hardSigmoid"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Activation.fromTfjsName("gelu"));
    assertTrue(e.getMessage().contains("unsupported activation 'gelu'"), e.getMessage());
    assertThrows(UnsupportedOperationException.class, () -> Activation.SOFTMAX.apply(1f));
  }

  @Test
  void reluOfOneValueAgreesWithTheLayerOnNaN() {
    // The layer loop uses max(x, 0), which keeps NaN (as TF.js does); apply must say the same, or
    // an explanation would show relu(NaN) = 0 next to a traced NaN.
    float layer =
        new ActivationLayer("r", Activation.RELU)
            .forward(Tensor.of(Shape.vector(1), Float.NaN))
            .at(0);
    assertTrue(Float.isNaN(layer));
    assertTrue(Float.isNaN(Activation.RELU.apply(Float.NaN)));
    assertEquals(0f, Activation.RELU.apply(-0f));
  }

  @Test
  void softmaxIsStableForLargeLogits() {
    // exp(1000) overflows a double; exp(1000 - 1001) and exp(0) do not:
    // [e^-1, 1] / (1 + e^-1) = [0.26894142, 0.73105858]
    Tensor out =
        new ActivationLayer("s", Activation.SOFTMAX)
            .forward(Tensor.of(Shape.vector(2), 1000f, 1001f));
    assertArrayEquals(new float[] {0.26894142f, 0.73105858f}, out.toArray(), 1e-6f);
    Tensor low =
        new ActivationLayer("s", Activation.SOFTMAX)
            .forward(Tensor.of(Shape.vector(2), -1000f, -1001f));
    assertArrayEquals(new float[] {0.73105858f, 0.26894142f}, low.toArray(), 1e-6f);
  }

  @Test
  void softmaxOnAnImageNormalisesTheChannelsOfEachPixel() {
    // (2 channels, 1 row, 2 cols); pixel 0 has logits (0, ln 3) -> (0.25, 0.75);
    // pixel 1 has (5, 5) -> (0.5, 0.5)
    float ln3 = (float) Math.log(3);
    Tensor in = Tensor.of(Shape.image(2, 1, 2), 0f, 5f, ln3, 5f);
    Tensor out = new ActivationLayer("s", Activation.SOFTMAX).forward(in);
    assertArrayEquals(new float[] {0.25f, 0.5f, 0.75f, 0.5f}, out.toArray(), 1e-6f);
    // The same on a whole tensor, which stays unchanged.
    assertEquals(out, Activation.SOFTMAX.apply(in));
    assertArrayEquals(new float[] {0f, 5f, ln3, 5f}, in.toArray(), 0f);
    assertArrayEquals(
        new float[] {0f, 5f, 0f, 2f},
        Activation.RELU.apply(Tensor.of(Shape.image(2, 1, 2), -1f, 5f, -3f, 2f)).toArray(),
        0f);
  }
}
