package org.cnnexplainer.viz.overview;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.testing.RandomTensors;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** Shapes the original never had: image outputs, a vector input, a hundred classes. */
class UnusualNetworksTest {
  private static int paintAndCount(Network network, Tensor input, int width, int height) {
    return Headless.onEdt(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          state.setTrace(network.trace(input));
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, width, height);
          return overview.hitMap().entries().size();
        });
  }

  @Test
  void networkEndingInAFeatureMapShowsItAsHeatMaps() {
    Random random = new Random(1);
    Network network =
        new Network(
            "conv-only",
            Shape.image(1, 10, 14),
            List.of(
                RandomTensors.conv3x3("conv", 1, 5, 0.1, random),
                new ActivationLayer("relu", Activation.RELU)),
            null);
    assertEquals(
        1 + 5 + 5, paintAndCount(network, TestNetworks.image(network.inputShape(), 1), 800, 400));
  }

  @Test
  void vectorInputAndAHundredClassesPaint() {
    Random random = new Random(2);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      labels.add("class number " + i);
    }
    Network network =
        new Network(
            "mlp",
            Shape.vector(20),
            List.of(
                new Dense(
                    "hidden",
                    RandomTensors.gaussian(Shape.of(20, 32), 0.3, random),
                    RandomTensors.gaussian(Shape.vector(32), 0.1, random),
                    Activation.RELU),
                new Dense(
                    "output",
                    RandomTensors.gaussian(Shape.of(32, 100), 0.3, random),
                    RandomTensors.gaussian(Shape.vector(100), 0.1, random),
                    Activation.SOFTMAX)),
            labels);
    Tensor input = RandomTensors.gaussian(Shape.vector(20), 1, random);
    assertEquals(20 + 32 + 100, paintAndCount(network, input, 900, 500));
  }

  @Test
  void imageNetSizedOutputKeepsEveryClassHittable() {
    Random random = new Random(3);
    Network small = TestNetworks.tinyVgg(3, 16, 16, 4, 4);
    Network network =
        new Network(
            "wide-output",
            small.inputShape(),
            List.of(
                RandomTensors.conv3x3("conv", 3, 4, 0.1, random),
                new Flatten("flatten"),
                new Dense(
                    "output",
                    RandomTensors.gaussian(Shape.of(4 * 14 * 14, 1000), 0.05, random),
                    RandomTensors.gaussian(Shape.vector(1000), 0.1, random),
                    Activation.SOFTMAX)),
            null);
    runOnEdt(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          state.setTrace(network.trace(TestNetworks.image(network.inputShape(), 2)));
          NetworkOverview overview = new NetworkOverview(state);
          java.awt.image.BufferedImage image = Headless.paint(overview, 1200, 700);
          OverviewScreenshotsTest.save(image, "wide-output-1200.png");
          HitMap hits = overview.hitMap();
          assertEquals(3 + 4 + 1000, hits.entries().size());
          var last = hits.boundsOf(new NeuronRef(2, 999)).orElseThrow();
          assertTrue(last.getHeight() > 0 && last.getMaxY() <= 700, "a strip that fits: " + last);
          assertEquals(
              new NeuronRef(2, 999),
              hits.selectionAt(last.getCenterX(), last.getCenterY()).orElseThrow().neuron());
        });
  }
}
