package org.cnnexplainer.viz.overview;

import static org.cnnexplainer.viz.testing.Headless.runOnEdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.swing.LookAndFeel;
import javax.swing.UIManager;
import javax.swing.plaf.metal.MetalLookAndFeel;
import javax.swing.plaf.nimbus.NimbusLookAndFeel;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.color.ColorMaps;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.Headless;
import org.cnnexplainer.viz.testing.SmallNetwork;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Look-and-feel defaults, scrolling for many channels, and the image-change cross-fade. */
class LookAndFeelAndScrollingTest {
  @ParameterizedTest
  @ValueSource(strings = {"metal", "nimbus"})
  void takesItsBackgroundFromTheLookAndFeel(String name) {
    runOnEdt(
        () -> {
          LookAndFeel old = UIManager.getLookAndFeel();
          try {
            UIManager.setLookAndFeel(
                name.equals("metal") ? new MetalLookAndFeel() : new NimbusLookAndFeel());
            Network network = SmallNetwork.create();
            ExplainerState state = new ExplainerState(Runnable::run);
            state.setNetwork(network);
            state.setTrace(network.trace(SmallNetwork.input(1)));
            NetworkOverview overview = new NetworkOverview(state);
            BufferedImage image = Headless.paint(overview, 900, 500);
            // Both are light: the maps sit on white, not on the look and feel's grey.
            assertEquals(0xffffff, image.getRGB(1, 1) & 0xffffff, name);
            Color dark = new Color(0x2b2d30);
            UIManager.put("Panel.background", dark);
            try {
              BufferedImage darkImage = Headless.paint(overview, 900, 500);
              assertEquals(dark.getRGB() & 0xffffff, darkImage.getRGB(1, 1) & 0xffffff, name);
            } finally {
              UIManager.put("Panel.background", null);
            }
            assertEquals(3 + 4 * 5 + 3, overview.hitMap().entries().size());
          } catch (Exception e) {
            throw new AssertionError(e);
          } finally {
            try {
              UIManager.setLookAndFeel(old);
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          }
        });
  }

  /** Many channels in a low window: the nodes shrink to strips, the overview still fits. */
  @Test
  void manyChannelsInALowWindowShrinkToStripsAndFit() {
    Network network = TestNetworks.tinyVgg(3, 20, 20, 64, 2);
    runOnEdt(
        () -> {
          ExplainerState state = new ExplainerState(Runnable::run);
          state.setNetwork(network);
          NetworkOverview overview = new NetworkOverview(state);
          Headless.paint(overview, 900, 300);
          Dimension needed = overview.getMinimumSize();
          assertTrue(needed.height <= 300, "fits 300 px: " + needed);
          Rectangle2D last = overview.hitMap().boundsOf(new NeuronRef(0, 63)).orElseThrow();
          assertTrue(last.getMaxY() <= 300, "the last neuron is inside: " + last);
          assertTrue(last.getHeight() < 10, "the neurons shrank: " + last);
          Rectangle2D first = overview.hitMap().boundsOf(NeuronRef.input(0)).orElseThrow();
          assertTrue(first.getHeight() >= 10, "columns with few nodes keep their size: " + first);
          assertTrue(overview.getScrollableTracksViewportWidth(), "no parent: fills the width");
        });
  }

  @Test
  void imageChangeCrossFadesFromTheOldTilesToTheNewOnes() {
    Network network = SmallNetwork.create();
    ActivationTrace oldTrace = network.trace(SmallNetwork.input(1));
    ActivationTrace newTrace = network.trace(SmallNetwork.input(2));
    VizStyle style = Headless.onEdt(VizStyle::fromUIManager).withCrispPixels();
    var columns = ColumnSpec.of(network);
    var oldRanges =
        org.cnnexplainer.viz.color.LayerRanges.of(
            oldTrace, org.cnnexplainer.viz.color.RangeMode.UNIT);
    var newRanges =
        org.cnnexplainer.viz.color.LayerRanges.of(
            newTrace, org.cnnexplainer.viz.color.RangeMode.UNIT);
    var palette = org.cnnexplainer.viz.color.Palette.CLASSIC;
    var oldTiles = TileCache.render(columns, oldTrace, oldRanges, palette);
    var newTiles = TileCache.render(columns, newTrace, newRanges, palette);
    // the cell of input channel 1 where the two images differ most
    int bestY = 0;
    int bestX = 0;
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        float d = Math.abs(oldTrace.input().get(1, y, x) - newTrace.input().get(1, y, x));
        if (d
            > Math.abs(
                oldTrace.input().get(1, bestY, bestX) - newTrace.input().get(1, bestY, bestX))) {
          bestY = y;
          bestX = x;
        }
      }
    }
    int cy = bestY;
    int cx = bestX;
    assertTrue(
        Math.abs(oldTrace.input().get(1, cy, cx) - newTrace.input().get(1, cy, cx)) > 0.1,
        "the two test images must differ");
    for (double fraction : new double[] {0, 1}) {
      OverviewSnapshot s =
          new OverviewSnapshot(
              network, columns, newTrace, newRanges, palette, true, newTiles, oldTiles, fraction,
              null, null, 1, null, style, null, 0, false, null, null, null, null, null, null);
      BufferedImage image = new BufferedImage(900, 500, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      HitMap hits = new HitMap();
      OverviewPainter.paint(g, s, 900, 500, hits, null);
      g.dispose();
      Rectangle2D r = hits.boundsOf(NeuronRef.input(1)).orElseThrow();
      int px = (int) (r.getX() + (cx + 0.5) * r.getWidth() / 16);
      int py = (int) (r.getY() + (cy + 0.5) * r.getHeight() / 12);
      ActivationTrace shown = fraction == 0 ? oldTrace : newTrace;
      int expected = ColorScale.input(ColorMaps.GREYS).rgb(shown.input().get(1, cy, cx));
      assertEquals(
          String.format("%06x", expected),
          String.format("%06x", image.getRGB(px, py) & 0xffffff),
          "fraction " + fraction);
    }
  }
}
