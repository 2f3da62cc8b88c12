package org.cnnexplainer.viz.overview;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Draws the edges: horizontal cubic curves (both control points at the x-midpoint, as d3's {@code
 * linkHorizontal}) from the right middle of a source node to the left middle of a target node. Into
 * conv and dense neurons every neuron of the previous column connects; into activation, pooling and
 * normalisation neurons only the neuron with the same index.
 */
final class EdgePainter {
  private EdgePainter() {}

  /** All edges in the light edge colour. */
  static void paintAll(Graphics2D g, OverviewLayout layout, VizStyle style) {
    g.setStroke(new BasicStroke(style.edgeWidth()));
    for (int c = 1; c < layout.columns.size(); c++) {
      Path2D path = new Path2D.Double();
      int count = 0;
      for (int t = 0; t < layout.boxes[c].length; t++) {
        count += incoming(path, layout, c, t);
      }
      // Dense fans (e.g. 32 x 32 edges) would turn into a grey wall: lighten them.
      double strength = Math.max(0.3, Math.min(1, Math.sqrt(150.0 / count)));
      g.setColor(VizStyle.mix(style.background(), style.edge(), strength));
      g.draw(path);
    }
  }

  /** The edges into column {@code c} only, in the highlight colour (an open pair view). */
  static void paintInto(Graphics2D g, OverviewLayout layout, VizStyle style, int c) {
    Path2D path = new Path2D.Double();
    for (int t = 0; t < layout.boxes[c].length; t++) {
      incoming(path, layout, c, t);
    }
    g.setStroke(new BasicStroke(style.edgeWidth()));
    g.setColor(VizStyle.mix(style.edge(), style.edgeHighlight(), 0.5));
    g.draw(path);
  }

  /**
   * The edges into {@code hovered}, darker and wider, on top; {@code strength} 1 is the full
   * highlight, 0 the plain edge.
   */
  static void paintHighlighted(
      Graphics2D g, OverviewLayout layout, VizStyle style, NeuronRef hovered, double strength) {
    if (strength <= 0) {
      return;
    }
    for (int c = 1; c < layout.columns.size(); c++) {
      if (layout.columns.get(c).layer() == hovered.layer()
          && hovered.neuron() < layout.boxes[c].length) {
        Path2D path = new Path2D.Double();
        incoming(path, layout, c, hovered.neuron());
        g.setColor(VizStyle.mix(style.edge(), style.edgeHighlight(), strength));
        float width = style.edgeWidth();
        g.setStroke(new BasicStroke((float) (width + (Math.max(1f, width) - width) * strength)));
        g.draw(path);
      }
    }
  }

  private static int incoming(Path2D path, OverviewLayout layout, int c, int target) {
    Rectangle2D[] sources = layout.boxes[c - 1];
    Rectangle2D to = layout.boxes[c][target];
    if (layout.columns.get(c).edges() == ColumnSpec.Edges.ONE_TO_ONE) {
      curve(path, sources[target], to);
      return 1;
    }
    for (Rectangle2D source : sources) {
      curve(path, source, to);
    }
    return sources.length;
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
