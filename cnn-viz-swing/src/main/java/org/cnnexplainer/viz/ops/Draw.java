package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.function.IntBinaryOperator;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.VizStyle;

/** Small drawing helpers shared by the operation painters (stateless). */
final class Draw {
  private Draw() {}

  static void setup(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }

  /** Fills a {@code rows x columns} grid of square cells from {@code rgbAt(row, column)}. */
  static Rectangle2D grid(
      Graphics2D g, double x, double y, double cell, int rows, int columns, IntBinaryOperator rgb) {
    Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        g.setColor(VizStyle.rgb(rgb.applyAsInt(r, c)));
        // Cells overlap by a fraction of a pixel so no background shows between them.
        g.fill(new Rectangle2D.Double(x + c * cell, y + r * cell, cell + 0.5, cell + 0.5));
      }
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    return new Rectangle2D.Double(x, y, columns * cell, rows * cell);
  }

  /** A value cell: filled box with its text centred in black or white, whichever reads. */
  static void valueCell(Graphics2D g, Rectangle2D box, Color fill, String text, Font font) {
    g.setColor(fill);
    g.fill(box);
    g.setColor(VizStyle.mix(fill, Color.BLACK, 0.35));
    g.setStroke(new BasicStroke(0.8f));
    g.draw(box);
    g.setColor(VizStyle.textOn(fill));
    centered(g, text, box.getCenterX(), box.getCenterY(), font);
  }

  /**
   * Sets {@code g} to draw at opacity {@code alpha} (left alone at 1) and returns the composite to
   * restore.
   */
  static java.awt.Composite fade(Graphics2D g, double alpha) {
    java.awt.Composite old = g.getComposite();
    if (alpha < 1) {
      g.setComposite(
          java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, (float) alpha));
    }
    return old;
  }

  /** Draws {@code text} centred on {@code (cx, cy)}. */
  static void centered(Graphics2D g, String text, double cx, double cy, Font font) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    TextLog.draw(
        g, text, cx - fm.stringWidth(text) / 2.0, cy + (fm.getAscent() - fm.getDescent()) / 2.0);
  }

  /** Draws {@code text} with its left end at {@code x} and baseline at {@code y}; returns width. */
  static double text(Graphics2D g, String text, double x, double y, Font font, Color color) {
    g.setFont(font);
    g.setColor(color);
    TextLog.draw(g, text, x, y);
    return g.getFontMetrics().stringWidth(text);
  }

  /**
   * {@code text} cut to fit {@code width} in {@code font}, ending in "…" when cut (titles of narrow
   * cards).
   */
  static String fit(Graphics2D g, String text, Font font, double width) {
    FontMetrics fm = g.getFontMetrics(font);
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    int end = text.length();
    while (end > 0 && fm.stringWidth(text.substring(0, end) + "…") > width) {
      end--;
    }
    return end == 0 ? "" : text.substring(0, end).stripTrailing() + "…";
  }

  /** Height of one line of {@code font} (ascent, descent and leading). */
  static double lineHeight(Graphics2D g, Font font) {
    return g.getFontMetrics(font).getHeight();
  }

  static double width(Graphics2D g, String text, Font font) {
    return g.getFontMetrics(font).stringWidth(text);
  }

  /** A rectangle outline drawn with a contrasting halo so it shows on any cell colour. */
  static void outline(Graphics2D g, Rectangle2D r, Color color, float width) {
    g.setStroke(new BasicStroke(width + 2f));
    g.setColor(VizStyle.luminance(color) < 0.5 ? Color.WHITE : Color.BLACK);
    g.draw(r);
    g.setStroke(new BasicStroke(width));
    g.setColor(color);
    g.draw(r);
  }

  /** A rounded box with a "+" in it (the elastic and flatten views' adder). */
  static Rectangle2D plus(Graphics2D g, double cx, double cy, double size, VizStyle s) {
    RoundRectangle2D box =
        new RoundRectangle2D.Double(cx - size / 2, cy - size / 2, size, size, 5, 5);
    g.setColor(s.background());
    g.fill(box);
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1.2f));
    g.draw(box);
    double arm = size * 0.3;
    g.setStroke(new BasicStroke(1.6f));
    g.draw(new java.awt.geom.Line2D.Double(cx - arm, cy, cx + arm, cy));
    g.draw(new java.awt.geom.Line2D.Double(cx, cy - arm, cx, cy + arm));
    return box.getBounds2D();
  }

  /** The value's colour under {@code scale}, as a {@link Color}. */
  static Color color(org.cnnexplainer.viz.color.ColorScale scale, double value) {
    return VizStyle.rgb(scale.rgb(value));
  }
}
