package org.cnnexplainer.core.tfjs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;

/** Small random networks using every layer kind, and a deep comparison of two networks. */
final class TestNetworks {
  private TestNetworks() {}

  static Tensor positive(Random rng, int n) {
    float[] v = new float[n];
    for (int i = 0; i < v.length; i++) {
      v[i] = 0.5f + rng.nextFloat();
    }
    return Tensor.of(Shape.vector(n), v);
  }

  /** Input (3, 9, 11): every layer kind, a no-bias conv, non-square kernel and pools. */
  static Network everyKind(boolean functional, List<String> labels) {
    Random rng = new Random(42);
    Shape input = Shape.image(3, 9, 11);
    List<Layer> layers = new java.util.ArrayList<>();
    if (functional) {
      layers.add(new InputLayer("input_1", input));
    }
    layers.add(
        new Conv2D(
            "conv_a",
            RandomTensors.gaussian(Shape.of(4, 3, 3, 3), 0.5f, rng),
            RandomTensors.gaussian(Shape.vector(4), 0.1f, rng),
            2,
            1,
            Padding.SAME,
            Activation.RELU));
    layers.add(
        new BatchNormalization(
            "bn",
            positive(rng, 4),
            RandomTensors.gaussian(Shape.vector(4), 0.1f, rng),
            RandomTensors.gaussian(Shape.vector(4), 0.1f, rng),
            positive(rng, 4),
            0.001f));
    layers.add(new Pooling2D("max", Pooling2D.Type.MAX, 2, 2, 1, 2, Padding.SAME));
    layers.add(
        new Conv2D(
            "conv_b",
            RandomTensors.gaussian(Shape.of(5, 4, 2, 3), 0.5f, rng),
            null,
            1,
            1,
            Padding.VALID,
            Activation.LINEAR));
    layers.add(new ActivationLayer("act", Activation.SIGMOID));
    layers.add(new Pooling2D("avg", Pooling2D.Type.AVERAGE, 2, 2, 2, 2, Padding.SAME));
    layers.add(new Flatten("flat"));
    layers.add(
        new Dense(
            "hidden", RandomTensors.gaussian(Shape.of(20, 6), 0.5f, rng), null, Activation.TANH));
    layers.add(new Dropout("drop", 0.3f));
    layers.add(
        new Dense(
            "out",
            RandomTensors.gaussian(Shape.of(6, 3), 0.5f, rng),
            RandomTensors.gaussian(Shape.vector(3), 0.1f, rng),
            Activation.SOFTMAX));
    return new Network("every_kind", input, layers, labels);
  }

  /** Asserts equal structure, configuration and weights, layer by layer. */
  static void assertSameNetwork(Network expected, Network actual) {
    assertEquals(expected.inputShape(), actual.inputShape());
    assertEquals(expected.classLabels(), actual.classLabels());
    assertEquals(expected.layers().size(), actual.layers().size());
    for (int i = 0; i < expected.layers().size(); i++) {
      Layer e = expected.layer(i);
      Layer a = actual.layer(i);
      String what = "layer " + i + " " + e;
      assertEquals(e.name(), a.name(), what);
      assertEquals(e.kind(), a.kind(), what);
      assertEquals(expected.outputShape(i), actual.outputShape(i), what);
      if (e instanceof Conv2D c) {
        Conv2D d = (Conv2D) a;
        assertEquals(c.kernel(), d.kernel(), what + " kernel");
        assertEquals(c.bias(), d.bias(), what + " bias");
        assertEquals(c.useBias(), d.useBias(), what);
        assertEquals(c.activation(), d.activation(), what);
        assertEquals(c.padding(), d.padding(), what);
        assertArrayEquals(
            new int[] {c.strideY(), c.strideX()}, new int[] {d.strideY(), d.strideX()}, what);
      } else if (e instanceof Dense c) {
        Dense d = (Dense) a;
        assertEquals(c.kernel(), d.kernel(), what + " kernel");
        assertEquals(c.bias(), d.bias(), what + " bias");
        assertEquals(c.useBias(), d.useBias(), what);
        assertEquals(c.activation(), d.activation(), what);
      } else if (e instanceof BatchNormalization c) {
        BatchNormalization d = (BatchNormalization) a;
        assertEquals(c.gamma(), d.gamma(), what);
        assertEquals(c.beta(), d.beta(), what);
        assertEquals(c.movingMean(), d.movingMean(), what);
        assertEquals(c.movingVariance(), d.movingVariance(), what);
        assertEquals(c.epsilon(), d.epsilon(), what);
      } else if (e instanceof Pooling2D c) {
        Pooling2D d = (Pooling2D) a;
        assertArrayEquals(
            new int[] {c.poolHeight(), c.poolWidth(), c.strideY(), c.strideX()},
            new int[] {d.poolHeight(), d.poolWidth(), d.strideY(), d.strideX()},
            what);
        assertEquals(c.padding(), d.padding(), what);
      } else if (e instanceof ActivationLayer c) {
        assertEquals(c.activation(), ((ActivationLayer) a).activation(), what);
      } else if (e instanceof Dropout c) {
        assertEquals(c.rate(), ((Dropout) a).rate(), what);
      }
    }
  }

  /** Asserts that both networks give bit-identical outputs at every layer for {@code input}. */
  static void assertSameTrace(Network expected, Network actual, Tensor input) {
    ActivationTrace a = expected.trace(input);
    ActivationTrace b = actual.trace(input);
    for (int i = 0; i < expected.layers().size(); i++) {
      assertEquals(a.output(i), b.output(i), "output of layer " + i);
    }
  }
}
