package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * A legend showing only the used part of a colour scale (spec §2.6, elastic and flatten legends): a
 * gradient from the data's minimum to its maximum with ticks at the minimum, 0 (when inside) and
 * the maximum, 2 decimals (stateless).
 */
final class LegendBar {
  static final double WIDTH = 120;
  static final double HEIGHT = 34;

  private LegendBar() {}

  /** Paints the legend of {@code values} at {@code (x, y)}, {@link #WIDTH} wide; returns that. */
  static double paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      String caption,
      ColorScale scale,
      Tensor values,
      double x,
      double y) {
    return paint(g, s, hits, caption, scale, values, x, y, WIDTH);
  }

  /**
   * Paints the legend of {@code values} at {@code (x, y)}, {@code width} wide; returns the width.
   * Tick labels stay inside the bar's ends; the 0 tick is left out when it would touch them.
   */
  static double paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      String caption,
      ColorScale scale,
      Tensor values,
      double x,
      double y,
      double width) {
    double min = Math.min(values.min(), 0);
    double max = Math.max(values.max(), 0);
    if (max - min < 1e-12) {
      max = min + 1;
    }
    Font small = s.textFont().deriveFont(s.textFont().getSize2D() * 0.8f);
    Draw.text(g, caption, x, y, small, s.muted());
    double top = y + 4;
    for (int i = 0; i < width; i++) {
      double v = min + (max - min) * (i + 0.5) / width;
      g.setColor(VizStyle.rgb(scale.rgb(v)));
      g.fill(new Rectangle2D.Double(x + i, top, 1.2, 6));
    }
    g.setColor(s.grid());
    g.setStroke(new BasicStroke(0.6f));
    g.draw(new Rectangle2D.Double(x, top, width, 6));
    String lo = DisplayNumbers.two(min);
    String hi = DisplayNumbers.two(max);
    tick(g, s, x, top, lo, small, 0);
    tick(g, s, x + width, top, hi, small, 1);
    if (min < 0 && max > 0) {
      double zero = x + width * (-min) / (max - min);
      double half = Draw.width(g, "0", small) / 2 + 3;
      if (zero - half > x + Draw.width(g, lo, small)
          && zero + half < x + width - Draw.width(g, hi, small)) {
        tick(g, s, zero, top, "0", small, 0.5);
      }
    }
    hits.text(caption + " legend", lo + " … " + hi);
    return width;
  }

  /** A tick at {@code x}; {@code anchor} 0 puts the label right of it, 1 left, 0.5 centred. */
  private static void tick(
      Graphics2D g, VizStyle s, double x, double top, String text, Font f, double anchor) {
    g.setColor(s.muted());
    g.draw(new Line2D.Double(x, top + 6, x, top + 9));
    Draw.text(g, text, x - Draw.width(g, text, f) * anchor, top + 19, f, s.muted());
  }
}
