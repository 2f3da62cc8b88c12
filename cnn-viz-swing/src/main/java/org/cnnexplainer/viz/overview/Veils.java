package org.cnnexplainer.viz.overview;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The veils over the columns that do not take part in an open unfolding (spec §1C #20): the
 * background colour from 85 % opaque next to the explanation to 95 % at the overview's edge, so the
 * rest of the network stays as a faint context.
 */
final class Veils {
  private static final double NEAR = 0.85;
  private static final double FAR = 0.95;

  private Veils() {}

  static void paint(
      Graphics2D g, OverviewLayout layout, UnfoldLayout unfold, Color background, double veil) {
    UnfoldGeometry geo = unfold.geometry();
    double margin = 6;
    double left = layout.x[unfold.source()] - margin;
    if (geo.unfolding().kind() == Unfolding.Kind.CONVOLUTION) {
      left -= UnfoldLayout.glyphMargin(geo.elastic());
    }
    double right =
        layout.x[unfold.target()]
            + Math.max(layout.columnWidth[unfold.target()], geo.elastic())
            + margin;
    Paint old = g.getPaint();
    if (left > 0) {
      g.setPaint(
          new GradientPaint(
              0f,
              0f,
              VizStyle.withAlpha(background, FAR * veil),
              (float) left,
              0f,
              VizStyle.withAlpha(background, NEAR * veil)));
      g.fill(new Rectangle2D.Double(0, 0, left, layout.height));
    }
    if (right < layout.width) {
      g.setPaint(
          new GradientPaint(
              (float) right,
              0f,
              VizStyle.withAlpha(background, NEAR * veil),
              (float) layout.width,
              0f,
              VizStyle.withAlpha(background, FAR * veil)));
      g.fill(new Rectangle2D.Double(right, 0, layout.width - right, layout.height));
    }
    g.setPaint(old);
  }
}
