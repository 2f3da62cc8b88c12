package org.cnnexplainer.viz.overview;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.UIManager;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTarget;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.VizKeys;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * The backward overview: with gradients set, every neuron's cells are painted in the colour of its
 * gradient {@code ∂S/∂activation} on that layer's symmetric scale, the legend says so, and a trace
 * the gradients do not belong to is shown by its activations.
 */
class GradientOverviewTest {
  private static final Network NETWORK = TestNetworks.tinyVgg(3, 30, 30, 4, 5);
  private static final Tensor IMAGE = TestNetworks.image(Shape.image(3, 30, 30), 2);

  private static String hex(int rgb) {
    return String.format("%06x", rgb & 0xffffff);
  }

  /** The colour at the centre of cell {@code (y, x)} of a painted map. */
  private static int cell(BufferedImage image, HitMap.Entry entry, int y, int x) {
    Rectangle2D b = entry.bounds();
    return image.getRGB(
            (int) (b.getX() + (x + 0.5) * b.getWidth() / entry.mapWidth()),
            (int) (b.getY() + (y + 0.5) * b.getHeight() / entry.mapHeight()))
        & 0xffffff;
  }

  private static HitMap.Entry entry(HitMap hits, NeuronRef neuron) {
    return hits.entries().stream()
        .filter(e -> e.neuron().equals(neuron))
        .findFirst()
        .orElseThrow(() -> new AssertionError(neuron + " not painted"));
  }

  /** With {@code -Dviz.shots=DIR}, writes the picture there to look at. */
  private static void save(BufferedImage image) {
    String dir = System.getProperty("viz.shots");
    if (dir != null) {
      try {
        new java.io.File(dir).mkdirs();
        javax.imageio.ImageIO.write(image, "png", new java.io.File(dir, "GradientOverview.png"));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Test
  void neuronsShowTheirGradientOnEachLayersOwnScaleAndTheLegendSaysSo() {
    ActivationTrace trace = NETWORK.trace(IMAGE);
    GradientTrace gradients = trace.gradients(GradientTarget.logit(6));
    Object crisp = UIManager.get(VizKeys.CRISP_PIXELS);
    UIManager.put(VizKeys.CRISP_PIXELS, true); // one colour per cell, no smoothing between them
    try {
      runOnEdt(
          () -> {
            ExplainerState state = new ExplainerState(Runnable::run);
            state.setNetwork(NETWORK);
            state.setTrace(trace);
            state.setDetail(true);
            NetworkOverview overview = new NetworkOverview(state);
            List<Object> fired = new ArrayList<>();
            overview.addPropertyChangeListener(
                NetworkOverview.GRADIENTS_PROPERTY, e -> fired.add(e.getNewValue()));
            overview.setGradients(gradients, "espresso");
            assertEquals(List.of(gradients), fired);
            assertTrue(overview.showsGradients());
            BufferedImage image = Headless.paint(overview, 1900, 1000);
            save(image);
            HitMap hits = overview.hitMap();
            LayerRanges ranges = LayerRanges.ofGradients(gradients);
            assertEquals(ranges.range(9), overview.shownRanges().range(9), 0);
            // The last pooling layer: 4 × 4 maps, large enough cells to sample.
            int pool = 9;
            Tensor g = gradients.output(pool);
            double maxAbs = Math.max(Math.abs(g.min()), Math.abs(g.max()));
            assertEquals(2 * maxAbs, ranges.range(pool), 1e-12);
            ColorScale scale =
                ColorScale.diverging(state.palette().activations(), ranges.range(pool));
            for (int n = 0; n < 4; n++) {
              HitMap.Entry e = entry(hits, new NeuronRef(pool, n));
              for (int[] p : new int[][] {{0, 0}, {1, 2}, {3, 3}}) {
                assertEquals(
                    hex(scale.rgb(g.get(n, p[0], p[1]))),
                    hex(cell(image, e, p[0], p[1])),
                    "pool neuron " + n + " cell " + p[0] + "," + p[1]);
              }
            }
            String caption = hits.text("colouring").orElseThrow();
            assertTrue(caption.contains("∂S/∂activation"), caption);
            assertTrue(caption.contains("“espresso”"), caption);
            List<String> texts = overview.paintedTexts().stream().map(PaintedText::text).toList();
            assertTrue(texts.contains(caption), texts.toString());
            // The legend of the pooling layer's span: ticks at ±max |gradient| in e-notation.
            String tick = String.format(java.util.Locale.ROOT, "%.1e", maxAbs);
            assertTrue(texts.stream().anyMatch(t -> t.contains(tick)), tick + " in " + texts);
            Optional<String> overlap = PaintedText.firstOverlap(overview.paintedTexts(), 0.5);
            assertTrue(overlap.isEmpty(), overlap.orElse(""));

            // Another image's trace: its activations, until it gets its own gradients.
            ActivationTrace other = NETWORK.trace(TestNetworks.image(Shape.image(3, 30, 30), 9));
            state.setTrace(other);
            assertFalse(overview.showsGradients());
            BufferedImage activations = Headless.paint(overview, 1900, 1000);
            HitMap.Entry e = entry(overview.hitMap(), new NeuronRef(pool, 0));
            ColorScale activation =
                ColorScale.diverging(
                    state.palette().activations(), state.ranges().orElseThrow().range(pool));
            assertEquals(
                hex(activation.rgb(other.output(pool).get(0, 1, 2))),
                hex(cell(activations, e, 1, 2)));
            assertTrue(overview.hitMap().text("colouring").isEmpty());

            overview.setGradients(null, null);
            assertTrue(overview.gradients().isEmpty());
          });
    } finally {
      UIManager.put(VizKeys.CRISP_PIXELS, crisp);
    }
  }
}
