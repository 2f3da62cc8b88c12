package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * Where the columns go when a view unfolds, at widths from a small window to full HD: the room
 * opens between the neuron's input layer and its layer with the explanation's columns in order, the
 * first block keeps its input layer in place and the second block its own layer, and no column
 * leaves the overview.
 */
class UnfoldLayoutTest {
  @Test
  void theRoomOpensInOrderAndEverythingStaysInside() {
    Network network = TestNetworks.tinyVgg(3, 30, 30, 10, 1);
    List<ColumnSpec> columns = ColumnSpec.of(network);
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    VizStyle style = VizStyle.fromUIManager();
    OverviewPainter.Fonts fonts = OverviewPainter.Fonts.of(g, style.font());
    int output = network.layers().size() - 1;
    for (int width : new int[] {900, 1024, 1280, 1600, 1920}) {
      OverviewLayout base = OverviewLayout.compute(columns, width, 520, 40, 30, 80, style);
      LabelPainter.Plan plan = LabelPainter.plan(base, true, fonts.label(), fonts.small());
      for (Unfolding u :
          List.of(
              new Unfolding(Unfolding.Kind.CONVOLUTION, new NeuronRef(0, 1)),
              new Unfolding(Unfolding.Kind.CONVOLUTION, new NeuronRef(2, 1)),
              new Unfolding(Unfolding.Kind.CONVOLUTION, new NeuronRef(7, 3)),
              new Unfolding(Unfolding.Kind.PAIR, new NeuronRef(3, 1)),
              new Unfolding(Unfolding.Kind.FLATTEN, new NeuronRef(output, 4)))) {
        String at = u + " at " + width;
        UnfoldLayout open = UnfoldLayout.of(base, plan, fonts, u, width);
        UnfoldGeometry geo = open.geometry();
        for (int c = 0; c < columns.size(); c++) {
          double w = open.involves(c) ? Math.max(base.columnWidth[c], geo.elastic()) : 0;
          assertTrue(open.x()[c] >= 0 && open.x()[c] + w <= width + 1e-9, at + " column " + c);
        }
        assertEquals(open.target() - 1, open.source(), at);
        if (u.kind() == Unfolding.Kind.PAIR) {
          assertEquals(base.x[open.source()], geo.sourceX(), 1e-9, "pairs do not move: " + at);
          continue;
        }
        double e = geo.elastic();
        double sourceWidth =
            u.kind() == Unfolding.Kind.CONVOLUTION ? e : base.columnWidth[open.source()];
        assertTrue(geo.sourceX() + sourceWidth < geo.middleX(), at);
        assertTrue(geo.middleX() < geo.plusX() && geo.plusX() < geo.targetX(), at);
        assertTrue(geo.sourceX() - geo.margin() >= 0, "room for the kernel glyphs: " + at);
        if (u.kind() == Unfolding.Kind.CONVOLUTION && u.neuron().layer() == 2 && width >= 1280) {
          assertEquals(
              base.x[open.source()], geo.sourceX(), 1e-9, "the first block keeps its input: " + at);
        }
        if (u.kind() == Unfolding.Kind.FLATTEN) {
          assertEquals(base.x[open.target()], geo.targetX(), 1e-9, "the classes stay: " + at);
        }
      }
    }
    g.dispose();
  }
}
