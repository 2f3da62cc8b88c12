package org.cnnexplainer.viz.overview;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.viz.NeuronRef;

/**
 * Draws the edges: horizontal cubic curves (both control points at the x-midpoint, as d3's {@code
 * linkHorizontal}) from the right middle of a source node to the left middle of a target node.
 */
final class EdgePainter {
  private EdgePainter() {}

  static void paint(Graphics2D g, OverviewLayout layout, OverviewSnapshot s) {
    Path2D highlighted = new Path2D.Double();
    NeuronRef hovered = s.hover() == null ? null : s.hover().neuron();
    for (int c = 1; c < layout.columns.size(); c++) {
      ColumnSpec column = layout.columns.get(c);
      Rectangle2D[] sources = layout.boxes[c - 1];
      Rectangle2D[] targets = layout.boxes[c];
      Path2D all = new Path2D.Double();
      boolean hoveredColumn = hovered != null && hovered.layer() == column.layer();
      for (int t = 0; t < targets.length; t++) {
        Path2D path = hoveredColumn && hovered.neuron() == t ? highlighted : all;
        if (column.edges() == ColumnSpec.Edges.ONE_TO_ONE) {
          curve(path, sources[t], targets[t]);
        } else {
          for (Rectangle2D source : sources) {
            curve(path, source, targets[t]);
          }
        }
      }
      // Dense fans (e.g. 32 x 32 edges) would turn into a grey wall: lighten them.
      int count =
          column.edges() == ColumnSpec.Edges.ONE_TO_ONE
              ? targets.length
              : targets.length * sources.length;
      double strength = Math.max(0.3, Math.min(1, Math.sqrt(150.0 / count)));
      g.setColor(OverviewStyle.mix(s.style().background(), s.style().edge(), strength));
      g.setStroke(new BasicStroke(s.style().edgeWidth()));
      g.draw(all);
    }
    g.setColor(s.style().edgeHighlight());
    g.setStroke(new BasicStroke(1f));
    g.draw(highlighted);
  }

  private static void curve(Path2D path, Rectangle2D from, Rectangle2D to) {
    double x0 = from.getMaxX();
    double y0 = from.getCenterY();
    double x1 = to.getX();
    double y1 = to.getCenterY();
    double mid = (x0 + x1) / 2;
    path.moveTo(x0, y0);
    path.curveTo(mid, y0, mid, y1, x1, y1);
  }
}
