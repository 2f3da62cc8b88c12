package org.cnnexplainer.viz.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.explain.SoftmaxBreakdown;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.States;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/** Sampled pixels equal the colour scale of the value drawn there. */
class PixelColoursTest {
  private final Network network = TestNetworks.tinyVgg(3, 20, 20, 4, 12);
  private final ActivationTrace trace = network.trace(TestNetworks.image(network.inputShape(), 12));

  @Test
  void formulaOutputGridCellsUseTheIntermediateRange() {
    Headless.runOnEdt(
        () -> {
          ConvolutionFormulaView view = new ConvolutionFormulaView(States.of(trace), 2, 1, 3);
          BufferedImage image = Headless.paint(view, 1000, 420);
          ConvolutionNeuron n = ConvolutionNeuron.of(trace, 2, 1);
          // 2 * (0.1 + round3(max |v|)) over every intermediate map of the neuron.
          double maxAbs =
              Math.max(Math.abs(n.intermediates().min()), Math.abs(n.intermediates().max()));
          double range = 2 * (0.1 + Math.round(maxAbs * 1000) / 1000.0);
          ColorScale scale = ColorScale.diverging(Palette.CLASSIC.activations(), range);
          Rectangle2D grid = view.hits().find(HitMap.Kind.OUTPUT_CELL, 3).get().bounds();
          int rows = n.intermediates().shape().height();
          double cell = grid.getWidth() / rows;
          for (int[] rc : new int[][] {{5, 7}, {10, 2}, {13, 13}}) {
            int x = (int) (grid.getX() + (rc[1] + 0.5) * cell);
            int y = (int) (grid.getY() + (rc[0] + 0.5) * cell);
            assertEquals(
                scale.rgb(n.intermediates().get(3, rc[0], rc[1])),
                image.getRGB(x, y) & 0xffffff,
                "cell " + rc[0] + "," + rc[1]);
          }
        });
  }

  @Test
  void softmaxTermsFadeInAtFractionsZeroHalfAndOne() {
    Headless.runOnEdt(
        () -> {
          SoftmaxView view = new SoftmaxView(States.of(trace), 6);
          Headless.paint(view, 900, 360);
          SoftmaxBreakdown b = SoftmaxBreakdown.of(trace);
          int background = VizStyle.fromUIManager().background().getRGB() & 0xffffff;
          double lo = b.logits().min();
          double hi = b.logits().max();
          int[] seen = new int[3];
          double[] fractions = {0, 0.5, 1};
          for (int f = 0; f < 3; f++) {
            view.setFraction(fractions[f]);
            BufferedImage image = Headless.paint(view, 900, 360);
            for (int c = 0; c < b.size(); c++) {
              Rectangle2D term = view.hits().find(HitMap.Kind.TERM, c).get().bounds();
              // The logit box sits right of "exp(": sample its left interior.
              int x =
                  (int) term.getX()
                      + (int)
                          Draw.width(
                              image.createGraphics(), "exp(", UIManager.getFont("Label.font"))
                      + 5;
              int y = (int) term.getY() + 3;
              int rgb = image.getRGB(x, y) & 0xffffff;
              int full =
                  Palette.CLASSIC.logits().rgb(0.2 + 0.8 * (b.logits().at(c) - lo) / (hi - lo));
              if (rgb == full) {
                seen[f]++;
              } else if (fractions[f] == 0) {
                assertEquals(background, rgb, "class " + c + " hidden at 0");
              }
            }
          }
          assertEquals(0, seen[0], "no term at fraction 0");
          assertEquals(5, seen[1], "half the terms (selected first) at 0.5");
          assertEquals(10, seen[2], "every term at 1");
        });
  }
}
