package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Fixtures;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.Mouse;
import org.cnnexplainer.viz.testing.OddNetworks;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

class ConvolutionFormulaViewTest {
  /** Every number on screen equals the step's, rounded the same way. */
  static void assertShows(HitMap hits, ConvolutionStep step, int channel) {
    int kh = step.kernel().shape().height();
    int kw = step.kernel().shape().width();
    for (int ky = 0; ky < kh; ky++) {
      for (int kx = 0; kx < kw; kx++) {
        int i = (channel * kh + ky) * kw + kx;
        String at = ky + " " + kx;
        assertEquals(DisplayNumbers.two(step.window().at(i)), hits.text("value " + at).get());
        assertEquals(DisplayNumbers.two(step.kernel().at(i)), hits.text("weight " + at).get());
        assertEquals(DisplayNumbers.two(step.products().at(i)), hits.text("product " + at).get());
      }
    }
    assertEquals(DisplayNumbers.two(step.channelSums().at(channel)), hits.text("sum").get());
    for (int c = 0; c < step.channelSums().size(); c++) {
      assertEquals(
          DisplayNumbers.two(step.channelSums().at(c)), hits.text("channelSum " + c).get());
    }
    assertEquals(DisplayNumbers.two(step.bias()), hits.text("bias").get());
    assertEquals(DisplayNumbers.two(step.preActivation()), hits.text("preActivation").get());
  }

  @Test
  void originalModelNumbersMatchTheStepAndTheTrace() throws Exception {
    ActivationTrace trace = Fixtures.original("espresso_1.jpeg");
    int layer = trace.network().indexOf("conv_1_2").getAsInt();
    Headless.runOnEdt(
        () -> {
          ConvolutionFormulaView view = new ConvolutionFormulaView(States.of(trace), layer, 3, 4);
          view.setWindowPosition(new Position(10, 20));
          Headless.paint(view, 1000, 420);
          ConvolutionStep step = ConvolutionStep.of(trace, layer, new Cell(3, 10, 20));
          assertShows(view.hits(), step, 4);
          // conv_1_2 is linear: its final value is the traced output itself.
          assertEquals(
              DisplayNumbers.two(trace.output(layer).get(3, 10, 20)),
              view.hits().text("output").get());
        });
  }

  @Test
  void samePaddingStrideTwoOneChannel() {
    Network network = OddNetworks.sameStrideAverage(3);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 4));
    Headless.runOnEdt(
        () -> {
          ConvolutionFormulaView view =
              new ConvolutionFormulaView(States.of(trace), OddNetworks.CONV, 2, 0);
          for (int[] p : new int[][] {{0, 0}, {2, 3}, {4, 5}}) {
            view.setWindowPosition(new Position(p[0], p[1]));
            Headless.paint(view, 1000, 420);
            ConvolutionStep step =
                ConvolutionStep.of(trace, OddNetworks.CONV, new Cell(2, p[0], p[1]));
            assertShows(view.hits(), step, 0);
            assertEquals(
                DisplayNumbers.two(trace.output(OddNetworks.CONV).get(2, p[0], p[1])),
                view.hits().text("output").get());
          }
          // Padded input grid: 9x11 plus the SAME ring (TF puts the extra cell at the end).
          HitMap.Region input = view.hits().find(HitMap.Kind.INPUT_CELL, 0).orElseThrow();
          assertEquals(11, input.rows());
          assertEquals(13, input.columns());
        });
  }

  @Test
  void hoverStepsAndArrowKeysMoveTheWindow() {
    Network network = TestNetworks.tinyVgg(1, 20, 20, 3, 2);
    ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 1));
    Headless.runOnEdt(
        () -> {
          ConvolutionFormulaView view = new ConvolutionFormulaView(States.of(trace), 0, 1, 0);
          Headless.paint(view, 1000, 420);
          view.setPlaying(true);
          assertTrue(view.isPlaying());
          Rectangle2D out = view.hits().find(HitMap.Kind.OUTPUT_CELL, 0).orElseThrow().bounds();
          double cell = out.getWidth() / 18;
          int x = (int) (out.getX() + 7.5 * cell);
          int y = (int) (out.getY() + 3.5 * cell);
          Mouse.move(view, x, y);
          assertEquals(3, view.windowPosition().row());
          assertEquals(7, view.windowPosition().column());
          assertFalse(view.isPlaying(), "hover pauses");
          view.getActionMap().get("moveRIGHT").actionPerformed(null);
          view.getActionMap().get("moveDOWN").actionPerformed(null);
          assertEquals(4, view.windowPosition().row());
          assertEquals(8, view.windowPosition().column());
          view.setWindowPosition(new Position(17, 17));
          view.step();
          assertEquals(0, view.windowPosition().row(), "stepping wraps to the start");
          assertEquals(0, view.windowPosition().column());
          assertEquals(Explainable.CONVOLUTION, view.concept());
        });
  }
}
