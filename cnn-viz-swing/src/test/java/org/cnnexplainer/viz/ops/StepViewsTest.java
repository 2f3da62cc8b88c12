package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.explain.ActivationStep;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.PoolingStep;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Fixtures;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.OddNetworks;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** The activation and pooling formula views show the explanation objects' numbers. */
class StepViewsTest {
  private static void assertPooling(HitMap hits, PoolingStep step) {
    int rows = step.values().shape().height();
    int cols = step.values().shape().width();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        assertEquals(
            DisplayNumbers.two(step.values().get(0, r, c)),
            hits.text("value " + r + " " + c).get());
      }
    }
    assertEquals(DisplayNumbers.two(step.outputValue()), hits.text("output").get());
  }

  @Test
  void reluAndMaxPoolOnTheOriginalModel() throws Exception {
    ActivationTrace trace = Fixtures.original("koala_1.jpeg");
    Network n = trace.network();
    int relu = n.indexOf("relu_1_1").getAsInt();
    int pool = n.indexOf("max_pool_2").getAsInt();
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          ActivationFormulaView a = new ActivationFormulaView(state, relu, 4);
          a.setWindowPosition(new Position(30, 7));
          Headless.paint(a, 800, 300);
          ActivationStep step = ActivationStep.of(trace, relu, new Cell(4, 30, 7));
          assertEquals(DisplayNumbers.two(step.inputValue()), a.hits().text("input").get());
          assertEquals(DisplayNumbers.two(step.outputValue()), a.hits().text("output").get());
          assertEquals(Explainable.RELU, a.concept());
          PoolingFormulaView p = new PoolingFormulaView(state, pool, 9);
          p.setWindowPosition(new Position(12, 5));
          Headless.paint(p, 800, 300);
          assertPooling(p.hits(), PoolingStep.of(trace, pool, new Cell(9, 12, 5)));
          assertEquals(Explainable.POOLING, p.concept());
        });
  }

  @Test
  void sigmoidAndSameAveragePooling() {
    Network network = OddNetworks.sameStrideAverage(5);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 2));
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          ActivationFormulaView a = new ActivationFormulaView(state, OddNetworks.SIGMOID, 1);
          a.setWindowPosition(new Position(4, 5));
          Headless.paint(a, 800, 300);
          ActivationStep step = ActivationStep.of(trace, OddNetworks.SIGMOID, new Cell(1, 4, 5));
          assertEquals(DisplayNumbers.two(step.inputValue()), a.hits().text("input").get());
          assertEquals(DisplayNumbers.two(step.outputValue()), a.hits().text("output").get());
          assertEquals(Explainable.ACTIVATION, a.concept());
          PoolingFormulaView p = new PoolingFormulaView(state, OddNetworks.POOL, 3);
          for (int[] pos : new int[][] {{0, 0}, {2, 2}, {1, 2}}) {
            p.setWindowPosition(new Position(pos[0], pos[1]));
            Headless.paint(p, 800, 300);
            PoolingStep ps = PoolingStep.of(trace, OddNetworks.POOL, new Cell(3, pos[0], pos[1]));
            assertPooling(p.hits(), ps);
            assertEquals(DisplayNumbers.two(ps.sum()), p.hits().text("sum").get());
            assertEquals(Integer.toString(ps.count()), p.hits().text("count").get());
          }
          // The bottom-right window of a 5x6 map under SAME 2x2 pooling has only real cells 1x2.
          p.setWindowPosition(new Position(2, 2));
          Headless.paint(p, 800, 300);
          assertEquals("2", p.hits().text("count").get());
        });
  }

  @Test
  void wrongLayersAreRejectedWithTheirNames() {
    Network network = OddNetworks.sameStrideAverage(5);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 2));
    Headless.runOnEdt(
        () -> {
          ExplainerState state = States.of(trace);
          IllegalArgumentException e =
              assertThrows(
                  IllegalArgumentException.class,
                  () -> new PoolingFormulaView(state, OddNetworks.SIGMOID, 0));
          assertEquals(true, e.getMessage().contains("sigmoid"), e.getMessage());
          assertThrows(
              IllegalArgumentException.class,
              () -> new ConvolutionFormulaView(state, OddNetworks.CONV, 4, 0));
        });
  }
}
