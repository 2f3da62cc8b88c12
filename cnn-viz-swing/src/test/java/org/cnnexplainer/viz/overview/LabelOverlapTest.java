package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cnnexplainer.viz.paint.VizStyle;
import org.cnnexplainer.viz.testing.TestNetworks;
import org.junit.jupiter.api.Test;

/**
 * Regression test for a defect the soak showed in a narrow window: when column labels clashed on
 * both lines, they were drawn over each other ("comax_pool"). No two labels on a line may overlap.
 */
class LabelOverlapTest {
  @Test
  void labelsNeverOverlapAtAnyWidth() {
    List<ColumnSpec> columns = ColumnSpec.of(TestNetworks.tinyVgg(1, 28, 28, 4, 3));
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    FontMetrics label = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    FontMetrics small = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    int staggered = 0;
    for (int width = 200; width <= 900; width += 5) {
      OverviewLayout layout =
          OverviewLayout.compute(columns, width, 240, 60, 20, 60, VizStyle.fromUIManager());
      for (boolean detail : new boolean[] {true, false}) {
        LabelPainter.Plan plan = LabelPainter.plan(layout, detail, label, small);
        staggered += plan.stagger() ? 1 : 0;
        double[] rightEdge = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int c = 0; c < columns.size(); c++) {
          int row = plan.stagger() ? plan.rows()[c] : 0;
          if (row < 0) {
            continue;
          }
          double half = label.stringWidth(plan.names()[c]) / 2.0;
          double left = LabelPainter.centre(layout, c) - half;
          assertTrue(
              left >= rightEdge[row],
              "at width " + width + " '" + plan.names()[c] + "' overlaps the label before it");
          rightEdge[row] = LabelPainter.centre(layout, c) + half;
        }
      }
    }
    g.dispose();
    assertTrue(staggered > 0, "no width needed two label lines; the test checks nothing");
  }
}
