package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.junit.jupiter.api.Test;

/** Shape chaining, counts, tracing, logits and ranking of a {@link Network}. */
class NetworkTest {

  private static Dense dense(String name, int in, int out, Activation a) {
    return new Dense(name, Tensor.zeros(Shape.of(in, out)), null, a);
  }

  private static Conv2D conv(String name, int filters, int channels) {
    return new Conv2D(
        name,
        Tensor.zeros(Shape.of(filters, channels, 3, 3)),
        null,
        1,
        1,
        Padding.VALID,
        Activation.LINEAR);
  }

  private static String chainError(List<Layer> layers) {
    return assertThrows(
            IllegalArgumentException.class,
            () -> new Network("n", Shape.image(3, 8, 8), layers, null))
        .getMessage();
  }

  @Test
  void shapeChainingErrorsNameTheLayer() {
    assertEquals(
        "layer 1 (Dense 'd'): dense 'd' expects a vector of 360 values, got shape [10, 6, 6]"
            + " (add a Flatten layer before it)",
        chainError(List.of(conv("c", 10, 3), dense("d", 360, 2, Activation.SOFTMAX))));
    assertEquals(
        "layer 1 (Conv2D 'c2'): conv 'c2' expects 4 input channels, got shape [10, 6, 6]",
        chainError(List.of(conv("c1", 10, 3), conv("c2", 5, 4))));
    assertEquals(
        "layer 2 (Dense 'd'): dense 'd' expects a vector of 100 values, got shape [360]",
        chainError(
            List.of(conv("c", 10, 3), new Flatten("f"), dense("d", 100, 2, Activation.LINEAR))));
    assertEquals("two layers are named 'c'", chainError(List.of(conv("c", 3, 3), conv("c", 3, 3))));
    IllegalArgumentException labels =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new Network(
                    "n",
                    Shape.vector(4),
                    List.of(dense("d", 4, 2, Activation.SOFTMAX)),
                    List.of("a", "b", "c")));
    assertEquals("3 class labels given, but the network has 2 outputs", labels.getMessage());
    Network net =
        new Network("n", Shape.vector(4), List.of(dense("d", 4, 2, Activation.SOFTMAX)), null);
    assertEquals(List.of("class 0", "class 1"), net.classLabels());
    IllegalArgumentException input =
        assertThrows(
            IllegalArgumentException.class, () -> net.predict(Tensor.zeros(Shape.vector(3))));
    assertEquals("network 'n' expects an input of shape [4], got [3]", input.getMessage());
  }

  @Test
  void tinyVggCounts() {
    Network net = TestNetworks.tinyVgg(3, 64, 10, 10, 1);
    // conv_1_1: 3*3*3*10 + 10 = 280; conv_1_2, conv_2_1, conv_2_2: 3*3*10*10 + 10 = 910 each;
    // output: 1690*10 + 10 = 16910; total 280 + 3*910 + 16910 = 19920
    assertEquals(280, net.layer(0).parameterCount());
    assertEquals(910, net.layer(net.indexOf("conv_2_2").getAsInt()).parameterCount());
    assertEquals(16910, net.layer(net.indexOf("output").getAsInt()).parameterCount());
    assertEquals(19_920, net.parameterCount());
    // shapes: 64 -> 62 -> 60 -> 30 -> 28 -> 26 -> 13; flatten 13*13*10 = 1690
    assertEquals(Shape.image(10, 13, 13), net.outputShape(net.indexOf("max_pool_2").getAsInt()));
    assertEquals(Shape.vector(1690), net.inputShape(net.indexOf("output").getAsInt()));
    // an unknown name is absent, not -1
    assertTrue(net.indexOf("no_such_layer").isEmpty());
    // multiply-adds = outputs * taps: conv_1_1 10*62*62 * 27 = 1,037,880;
    // conv_1_2 10*60*60 * 90 = 3,240,000; conv_2_1 10*28*28 * 90 = 705,600;
    // conv_2_2 10*26*26 * 90 = 608,400; output 1690*10 = 16,900;
    // pooling counts its window reads: 10*30*30*4 = 36,000 and 10*13*13*4 = 6,760
    assertEquals(1_037_880, net.layer(0).multiplyAdds(net.inputShape(0)));
    assertEquals(
        1_037_880L + 3_240_000 + 705_600 + 608_400 + 16_900 + 36_000 + 6_760, net.multiplyAdds());
  }

  @Test
  void traceKeepsEachConvolutionAndTheReluItsPassAlsoWrites() {
    // The trace runs a linear convolution and the ReLU layer after it as one pass: both outputs
    // must be exactly what the layers compute one by one.
    Network network = TestNetworks.tinyVgg(3, 40, 10, 4, 11);
    ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 5));
    for (int i = 0; i < network.layers().size(); i++) {
      Layer layer = network.layer(i);
      assertArrayEquals(
          layer.forward(trace.inputOf(i)).toArray(), trace.output(i).toArray(), layer.name());
    }
    float[] conv = trace.output("conv_1_1").toArray();
    int clamped = 0;
    for (float v : conv) {
      clamped += v < 0 ? 1 : 0;
    }
    assertTrue(clamped > 0 && clamped < conv.length, "the ReLU clamps some cells, not all");
  }

  @Test
  void traceByIndexAndName() {
    Network net = TestNetworks.tinyVgg(1, 28, 6, 10, 3);
    Tensor input = TestNetworks.randomInput(net, 4);
    ActivationTrace trace = net.trace(input);
    assertEquals(net.layers().size(), trace.size());
    assertSame(input, trace.inputOf(0));
    for (int i = 0; i < trace.size(); i++) {
      Layer layer = net.layer(i);
      assertEquals(net.outputShape(i), trace.output(i).shape());
      assertSame(trace.output(i), trace.output(layer.name()));
      assertEquals(layer.forward(trace.inputOf(i)), trace.output(i), layer.name());
    }
    assertEquals(net.predict(input), trace.probabilities());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> trace.output("conv_9"));
    assertEquals("no layer named 'conv_9'", e.getMessage());
  }

  @Test
  void logitsForFusedSoftmaxSeparateSoftmaxAndNone() {
    // Dense kernel [[1, 2]] and bias [0, 1] on input [3]: logits [3, 7]
    Tensor kernel = Tensor.of(Shape.of(1, 2), 1, 2);
    Tensor bias = Tensor.of(Shape.vector(2), 0, 1);
    Tensor x = Tensor.of(Shape.vector(1), 3);
    Network fused =
        new Network(
            "f", Shape.vector(1), List.of(new Dense("d", kernel, bias, Activation.SOFTMAX)), null);
    assertArrayEquals(new float[] {3, 7}, fused.trace(x).logits().orElseThrow().toArray(), 0f);
    Network separate =
        new Network(
            "s",
            Shape.vector(1),
            List.of(
                new Dense("d", kernel, bias, Activation.LINEAR),
                new ActivationLayer("softmax", Activation.SOFTMAX)),
            null);
    ActivationTrace trace = separate.trace(x);
    assertArrayEquals(new float[] {3, 7}, trace.logits().orElseThrow().toArray(), 0f);
    // softmax([3, 7]) = [1, e^4] / (1 + e^4) = [0.01798621, 0.98201379]
    assertArrayEquals(
        new float[] {0.01798621f, 0.98201379f}, trace.probabilities().toArray(), 1e-6f);
    Network none =
        new Network(
            "l", Shape.vector(1), List.of(new Dense("d", kernel, bias, Activation.SIGMOID)), null);
    assertTrue(none.trace(x).logits().isEmpty());
  }

  @Test
  void topKOrdersByProbabilityThenIndex() {
    // softmax of logits [1, 3, 3, 0]: classes 1 and 2 tie, lower index first
    Network net =
        new Network(
            "t",
            Shape.vector(4),
            List.of(new ActivationLayer("softmax", Activation.SOFTMAX)),
            List.of("a", "b", "c", "d"));
    ActivationTrace trace = net.trace(Tensor.of(Shape.vector(4), 1, 3, 3, 0));
    List<ClassScore> top = trace.topK(3);
    assertEquals(List.of(1, 2, 0), top.stream().map(ClassScore::index).toList());
    assertEquals(List.of("b", "c", "a"), top.stream().map(ClassScore::label).toList());
    assertEquals(trace.probabilities().at(1), top.get(0).probability());
    assertEquals(top.get(0), trace.predicted());
    assertEquals(4, trace.topK(10).size());
    assertEquals(0, trace.topK(0).size());
    IllegalArgumentException negative =
        assertThrows(IllegalArgumentException.class, () -> trace.topK(-1));
    assertEquals("k must be 0 or more, was -1", negative.getMessage());
  }

  @Test
  void aLayerOutsideTheTraceIsRefusedWithTheRange() {
    Network network = TestNetworks.tinyVgg(1, 16, 2, 3, 4);
    ActivationTrace trace = network.trace(TestNetworks.randomInput(network, 1));
    assertSame(trace.input(), trace.inputOf(0));
    for (int bad : new int[] {-1, trace.size()}) {
      IndexOutOfBoundsException e =
          assertThrows(IndexOutOfBoundsException.class, () -> trace.output(bad));
      assertEquals(
          "layer "
              + bad
              + " does not exist: network '"
              + network.name()
              + "' has layers 0 to "
              + (trace.size() - 1),
          e.getMessage());
      assertThrows(IndexOutOfBoundsException.class, () -> trace.inputOf(bad));
      GradientTrace gradients = trace.gradients(GradientTarget.logit(0));
      assertEquals(
          e.getMessage(),
          assertThrows(IndexOutOfBoundsException.class, () -> gradients.output(bad)).getMessage());
    }
  }
}
