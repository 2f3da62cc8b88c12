package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.testing.RandomTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Network#gradients} against central finite differences of the target's value, for every
 * kind of target, with respect to the input, a middle layer's output and the parameters; the target
 * values against their definitions; and the rules (zeros above the target, errors).
 *
 * <p>Finite differences in float need a step much larger than float rounding; a few coordinates
 * then step across a ReLU or max-pooling kink, where the two sides differ. The checks therefore
 * compare directional derivatives along random directions, where such a crossing moves the result
 * by little, with a tolerance of 2% of the gradient's scale.
 */
class GradientTraceTest {
  private static final Network VARIED = TestNetworks.varied(5);
  private static final Network TINY_VGG = TestNetworks.tinyVgg(2, 16, 4, 3, 9);

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("tiny VGG", TINY_VGG, GradientTarget.logit(1)),
        Arguments.of("tiny VGG", TINY_VGG, GradientTarget.probability(2)),
        Arguments.of("tiny VGG", TINY_VGG, GradientTarget.loss(0)),
        Arguments.of("tiny VGG", TINY_VGG, GradientTarget.channel("relu_1_2", 3)),
        Arguments.of("tiny VGG", TINY_VGG, GradientTarget.value("conv_2_1", 7)),
        Arguments.of("varied", VARIED, GradientTarget.logit(3)),
        Arguments.of("varied", VARIED, GradientTarget.probability(0)),
        Arguments.of("varied", VARIED, GradientTarget.loss(2)),
        Arguments.of("varied", VARIED, GradientTarget.value("hidden", 4)),
        Arguments.of(
            "varied",
            VARIED,
            GradientTarget.weightedSum(
                "avg_pool", RandomTensors.uniform(new Random(1), Shape.image(4, 3, 2), -1f, 1f))));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("targets")
  void inputGradientMatchesFiniteDifferences(String name, Network network, GradientTarget target) {
    Tensor x = TestNetworks.randomInput(network, 3);
    GradientTrace g = network.gradients(x, target);
    assertDirectionalDerivatives(
        target + " wrt the input", x, g.input(), v -> network.gradients(v, target).value());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("targets")
  void middleLayerGradientMatchesFiniteDifferences(
      String name, Network network, GradientTarget target) {
    Tensor x = TestNetworks.randomInput(network, 4);
    GradientTrace g = network.gradients(x, target);
    // The network from layer 3 on, fed layer 2's output: S as a function of that output.
    int layer = 2;
    Network rest =
        new Network(
            "rest",
            network.outputShape(layer),
            network.layers().subList(layer + 1, network.layers().size()),
            null);
    Tensor out = g.activations().output(layer);
    int top = targetLayer(network, target);
    if (top <= layer) {
      assertAllZero(g.output(layer + 1), "above the target");
      return;
    }
    assertDirectionalDerivatives(
        target + " wrt " + network.layer(layer).name(),
        out,
        g.output(layer),
        v -> rest.gradients(v, target).value());
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("targets")
  void parameterGradientsMatchFiniteDifferences(
      String name, Network network, GradientTarget target) {
    Tensor x = TestNetworks.randomInput(network, 6);
    GradientTrace g = network.gradients(x, target);
    int checked = 0;
    for (int i = 0; i < network.layers().size(); i++) {
      Layer layer = network.layer(i);
      for (Map.Entry<String, Tensor> parameter : layer.parameters().entrySet()) {
        int index = i;
        String key = parameter.getKey();
        Tensor gradient = g.parameters(i).get(key);
        assertEquals(parameter.getValue().shape(), gradient.shape(), layer + " " + key);
        if (i > targetLayer(network, target)) {
          assertAllZero(gradient, layer + " " + key + " above the target");
          continue;
        }
        assertDirectionalDerivatives(
            target + " wrt " + layer.name() + "/" + key,
            parameter.getValue(),
            gradient,
            w -> replaced(network, index, key, w).gradients(x, target).value());
        checked++;
      }
    }
    assertTrue(checked >= 2, "checked " + checked + " parameters");
  }

  @Test
  void targetValuesFollowTheirDefinitions() {
    Tensor x = TestNetworks.randomInput(TINY_VGG, 8);
    ActivationTrace trace = TINY_VGG.trace(x);
    float[] z = trace.logits().orElseThrow().toArray();
    double logSumExp = Math.log(Math.exp(z[0]) + Math.exp(z[1]) + Math.exp(z[2]));
    assertEquals(z[1], trace.gradients(GradientTarget.logit(1)).value(), 0f);
    assertEquals(
        trace.probabilities().at(2), trace.gradients(GradientTarget.probability(2)).value(), 0f);
    assertEquals(logSumExp - z[0], trace.gradients(GradientTarget.loss(0)).value(), 1e-5);
    Tensor relu = trace.output("relu_1_2");
    double channel = 0;
    for (float v : relu.channel(3)) {
      channel += v;
    }
    assertEquals(channel, trace.gradients(GradientTarget.channel("relu_1_2", 3)).value(), 1e-4);
    assertEquals(
        trace.output("conv_2_1").at(7),
        trace.gradients(GradientTarget.value("conv_2_1", 7)).value(),
        0f);
  }

  @Test
  void gradientsAboveTheTargetAreZeroAndTheLogitTargetSkipsTheProbabilities() {
    Tensor x = TestNetworks.randomInput(TINY_VGG, 1);
    GradientTrace channel = TINY_VGG.gradients(x, GradientTarget.channel("relu_1_2", 0));
    int relu12 = TINY_VGG.indexOf("relu_1_2").getAsInt();
    float[] expected = new float[channel.output(relu12).size()];
    java.util.Arrays.fill(expected, 0, expected.length / 4, 1f); // channel 0 of 4
    assertArrayEquals(expected, channel.output(relu12).toArray(), "the seed");
    for (int i = relu12 + 1; i < TINY_VGG.layers().size(); i++) {
      assertAllZero(channel.output(i), "output of " + TINY_VGG.layer(i));
    }
    assertAllZero(channel.parameters("output").get("kernel"), "output kernel");

    GradientTrace logit = TINY_VGG.gradients(x, GradientTarget.logit(2));
    assertAllZero(logit.output("output"), "the probabilities do not feed the logit");
    GradientTrace probability = TINY_VGG.gradients(x, GradientTarget.probability(2));
    assertArrayEquals(new float[] {0, 0, 1}, probability.output("output").toArray());
    assertSame(x, logit.activations().input());
    assertEquals(TINY_VGG.layers().size(), logit.size());
  }

  @Test
  void aSeparateSoftmaxLayerGivesTheSameGradientsAsAFusedOne() {
    // VARIED ends in "logits" (linear Dense) and a separate softmax layer; fuse them.
    List<Layer> fused = new ArrayList<>(VARIED.layers().subList(0, VARIED.layers().size() - 1));
    Dense logits = (Dense) fused.remove(fused.size() - 1);
    fused.add(new Dense("logits", logits.kernel(), logits.bias(), Activation.SOFTMAX));
    Network fusedNetwork = new Network("fused", VARIED.inputShape(), fused, null);
    Tensor x = TestNetworks.randomInput(VARIED, 2);
    for (GradientTarget target :
        List.of(GradientTarget.logit(1), GradientTarget.loss(3), GradientTarget.probability(0))) {
      GradientTrace separate = VARIED.gradients(x, target);
      GradientTrace together = fusedNetwork.gradients(x, target);
      assertEquals(separate.value(), together.value(), 1e-6f, target + " value");
      assertArrayEquals(
          separate.input().toArray(), together.input().toArray(), 1e-6f, target + " input");
      assertArrayEquals(
          separate.parameters("hidden").get("kernel").toArray(),
          together.parameters("hidden").get("kernel").toArray(),
          1e-6f,
          target + " hidden kernel");
    }
  }

  @Test
  void parameterGradientsAreComputedOnceAndSharedSafely() throws Exception {
    GradientTrace g =
        TINY_VGG.gradients(TestNetworks.randomInput(TINY_VGG, 3), GradientTarget.logit(0));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Map<String, Tensor>>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tasks.add(() -> g.parameters("conv_1_1"));
      }
      Map<String, Tensor> first = g.parameters("conv_1_1");
      for (Future<Map<String, Tensor>> f : pool.invokeAll(tasks)) {
        assertSame(first, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("kernel", "bias"), List.copyOf(g.parameters(0).keySet()));
    assertEquals(Map.of(), g.parameters("relu_1_1"));
    assertThrows(UnsupportedOperationException.class, () -> g.parameters(0).put("x", null));
  }

  @Test
  void targetsThatDoNotFitTheNetworkAreRefusedWithTheReason() {
    Tensor x = TestNetworks.randomInput(TINY_VGG, 1);
    assertEquals(
        "class 3 is out of range: the network's 3 classes have indices 0..2",
        refusal(TINY_VGG, x, GradientTarget.logit(3)));
    assertEquals(
        "no layer named 'conv_9'", refusal(TINY_VGG, x, GradientTarget.channel("conv_9", 0)));
    assertEquals(
        "a channel target needs an image output, but flatten output [4] is not one",
        refusal(TINY_VGG, x, GradientTarget.channel("flatten", 0)));
    assertEquals(
        "channel 4 is out of range: relu_1_1 output [4, 14, 14] have indices 0..3",
        refusal(TINY_VGG, x, GradientTarget.channel("relu_1_1", 4)));
    assertEquals(
        "the weights of a weighted-sum target have shape [3], but flatten output [4] differs",
        refusal(TINY_VGG, x, GradientTarget.weightedSum("flatten", Tensor.zeros(Shape.vector(3)))));
    Network noSoftmax =
        new Network(
            "plain",
            Shape.vector(2),
            List.of(new Dense("d", Tensor.zeros(Shape.of(2, 2)), null, Activation.LINEAR)),
            null);
    assertTrue(
        refusal(noSoftmax, Tensor.zeros(Shape.vector(2)), GradientTarget.logit(0))
            .startsWith("network 'plain' does not end in a softmax"));
    assertThrows(IllegalArgumentException.class, () -> GradientTarget.loss(-1));
    assertThrows(IllegalArgumentException.class, () -> GradientTarget.value(" ", 0));
  }

  private static String refusal(Network network, Tensor x, GradientTarget target) {
    return assertThrows(IllegalArgumentException.class, () -> network.gradients(x, target))
        .getMessage();
  }

  /** The layer whose output the target is computed from (the last for class targets). */
  private static int targetLayer(Network network, GradientTarget target) {
    String layer = target.layer();
    return layer == null ? network.layers().size() - 1 : network.indexOf(layer).getAsInt();
  }

  /** {@code network} with parameter {@code key} of layer {@code index} replaced by {@code w}. */
  private static Network replaced(Network network, int index, String key, Tensor w) {
    List<Layer> layers = new ArrayList<>(network.layers());
    Layer layer = layers.get(index);
    if (layer instanceof Conv2D c) {
      layers.set(
          index,
          new Conv2D(
              c.name(),
              key.equals("kernel") ? w : c.kernel(),
              c.useBias() ? (key.equals("bias") ? w : c.bias()) : null,
              c.strideY(),
              c.strideX(),
              c.padding(),
              c.activation()));
    } else if (layer instanceof Dense d) {
      layers.set(
          index,
          new Dense(
              d.name(),
              key.equals("kernel") ? w : d.kernel(),
              d.useBias() ? (key.equals("bias") ? w : d.bias()) : null,
              d.activation()));
    } else if (layer instanceof org.cnnexplainer.core.layer.BatchNormalization b) {
      layers.set(
          index,
          new org.cnnexplainer.core.layer.BatchNormalization(
              b.name(),
              key.equals("gamma") ? w : b.gamma(),
              key.equals("beta") ? w : b.beta(),
              b.movingMean(),
              b.movingVariance(),
              b.epsilon()));
    } else {
      throw new AssertionError("no parameters to replace in " + layer);
    }
    return new Network(network.name(), network.inputShape(), layers, network.classLabels());
  }

  /**
   * Along the gradient and four random unit directions {@code d}: {@code (S(x + h d) - S(x - h d))
   * / 2h} against {@code <gradient, d>}, within {@code 2% |<gradient, d>| + 0.2% |gradient|} plus
   * the float rounding of {@code S} (a few ulps, divided by {@code 2h}).
   */
  private static void assertDirectionalDerivatives(
      String what, Tensor at, Tensor gradient, Function<Tensor, Float> score) {
    float[] x = at.toArray();
    float[] g = gradient.toArray();
    assertEquals(x.length, g.length, what + ": gradient size");
    double norm = Math.sqrt(dot(g, g));
    assertTrue(norm > 0, what + ": the gradient is zero, nothing to check");
    Random random = new Random(what.hashCode());
    double h = 1e-3;
    double rounding = 4 * Math.ulp(Math.abs(score.apply(at))) / (2 * h);
    for (int k = 0; k < 5; k++) {
      float[] d = new float[x.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = k == 0 ? g[i] : (float) random.nextGaussian();
      }
      double length = Math.sqrt(dot(d, d));
      float[] plus = new float[x.length];
      float[] minus = new float[x.length];
      for (int i = 0; i < d.length; i++) {
        d[i] /= (float) length;
        plus[i] = (float) (x[i] + h * d[i]);
        minus[i] = (float) (x[i] - h * d[i]);
      }
      double analytic = dot(g, d);
      double numeric =
          (score.apply(Tensor.of(at.shape(), plus)) - score.apply(Tensor.of(at.shape(), minus)))
              / (2 * h);
      assertEquals(
          analytic,
          numeric,
          2e-2 * Math.abs(analytic) + 2e-3 * norm + rounding,
          what + ", direction " + k + " (gradient norm " + norm + ")");
    }
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }

  private static void assertAllZero(Tensor t, String what) {
    assertEquals(0f, t.min(), what);
    assertEquals(0f, t.max(), what);
  }
}
