package org.cnnexplainer.viz.overview;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Draws the legends under the columns (detail mode): one gradient per span of layers sharing a
 * range, with ticks at {@code -R/2 .. R/2}; the input legend (0 black to 1 white) and the output
 * legend (0 to the largest probability). Ticks always match the colours drawn (the original's
 * legends went wrong after an image change, spec §2.12).
 */
final class LegendPainter {
  static final double BAR_HEIGHT = 5;

  private LegendPainter() {}

  /**
   * Paints the legends; the one whose span holds layer {@code keep} at full opacity (only when
   * {@code front}: it goes over the veils), the others at {@code fade} (an open view fades them
   * out; 1 when nothing is open; only when not {@code front}).
   */
  static void paint(
      Graphics2D g,
      OverviewLayout layout,
      OverviewSnapshot s,
      Font tickFont,
      int keep,
      double fade,
      boolean front) {
    double y = layout.nodesBottom + 8;
    g.setFont(tickFont);
    Composite old = g.getComposite();
    LayerRanges ranges = s.difference() == null ? s.ranges() : s.difference().ranges();
    for (LayerRanges.Span span : ranges.spans()) {
      int first = firstColumnIn(layout, span.first(), span.last());
      int last = lastColumnIn(layout, span.first(), span.last());
      boolean kept = keep >= span.first() && keep <= span.last();
      if (kept != front || first < 0 || last < 0 || !setAlpha(g, old, kept ? 1 : fade)) {
        continue;
      }
      if (kept && keep >= 0) { // only the open pair's part of a shared legend
        last = firstColumnIn(layout, keep, keep);
        first = Math.max(first, last - 1);
      }
      double x0 = layout.boxes[first][0].getX();
      double x1 = layout.boxes[last][0].getMaxX();
      ColorScale scale = ColorScale.diverging(s.palette().activations(), span.range());
      double r = span.range() / 2;
      boolean gradients = s.gradients() != null;
      double[] ticks =
          x1 - x0 > 220 && !gradients
              ? new double[] {-r, -r / 2, 0, r / 2, r}
              : new double[] {-r, 0, r};
      // Gradients are small numbers (1e-3 and less): written in scientific notation.
      bar(
          g,
          s,
          x0,
          x1,
          y,
          v -> VizStyle.rgb(scale.rgb(v)),
          -r,
          r,
          ticks,
          gradients ? "%.1e" : "%.2f");
    }
    g.setComposite(old);
    if (front || !setAlpha(g, old, fade)) {
      return;
    }
    ColumnSpec input = layout.columns.get(0);
    if (input.kind() == ColumnSpec.Kind.INPUT
        && (s.gradients() != null || s.difference() != null)) {
      // The input's own diverging range: its gradient, or its difference (all 0 for a weight edit).
      double range =
          s.gradients() != null
              ? LayerRanges.gradientRange(s.gradients().input())
              : s.difference().inputRange();
      ColorScale scale = ColorScale.diverging(s.palette().activations(), range);
      Rectangle2D box = layout.boxes[0][0];
      double r = range / 2;
      bar(
          g,
          s,
          box.getX(),
          box.getMaxX(),
          y,
          v -> VizStyle.rgb(scale.rgb(v)),
          -r,
          r,
          new double[] {-r, 0, r},
          s.gradients() != null ? "%.1e" : "%.2f");
    } else if (input.kind() == ColumnSpec.Kind.INPUT) {
      ColorScale scale = ColorScale.input(s.palette().input());
      Rectangle2D box = layout.boxes[0][0];
      double[] ticks = box.getWidth() >= 60 ? new double[] {0, 0.5, 1} : new double[] {0, 1};
      bar(g, s, box.getX(), box.getMaxX(), y, v -> VizStyle.rgb(scale.rgb(v)), 0, 1, ticks, "%.1f");
    }
    int out = layout.columns.size() - 1;
    if (layout.columns.get(out).kind() == ColumnSpec.Kind.OUTPUT) {
      // The bars' scale: with ghost bars, the larger probability of either set.
      double max =
          s.reference() == null
              ? s.trace().probabilities().max()
              : Math.max(s.trace().probabilities().max(), s.reference().probabilities().max());
      Rectangle2D box = layout.boxes[out][0];
      Color light = VizStyle.mix(s.style().background(), s.style().bar(), 0.15);
      double x1 = box.getX() + layout.node;
      bar(
          g,
          s,
          box.getX(),
          x1,
          y,
          v -> VizStyle.mix(light, s.style().bar(), max > 0 ? v / max : 0),
          0,
          max,
          new double[] {0, max},
          max < 0.1 ? "%.2f" : "%.1f"); // small maxima (many classes) would all read 0.0
    }
    g.setComposite(old);
  }

  /** Sets opacity {@code alpha} over {@code base}; false when fully transparent. */
  private static boolean setAlpha(Graphics2D g, Composite base, double alpha) {
    if (alpha <= 0) {
      return false;
    }
    g.setComposite(
        alpha >= 1 ? base : AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
    return true;
  }

  /** The first column showing a layer in {@code [from, to]} (hidden layers have no column). */
  private static int firstColumnIn(OverviewLayout layout, int from, int to) {
    for (int c = 0; c < layout.columns.size(); c++) {
      int layer = layout.columns.get(c).layer();
      if (layer >= from && layer <= to) {
        return c;
      }
    }
    return -1;
  }

  private static int lastColumnIn(OverviewLayout layout, int from, int to) {
    for (int c = layout.columns.size() - 1; c >= 0; c--) {
      int layer = layout.columns.get(c).layer();
      if (layer >= from && layer <= to) {
        return c;
      }
    }
    return -1;
  }

  private static void bar(
      Graphics2D g,
      OverviewSnapshot s,
      double x0,
      double x1,
      double y,
      DoubleFunction<Color> colorOf,
      double min,
      double max,
      double[] ticks,
      String format) {
    int steps = (int) Math.max(1, Math.ceil(x1 - x0));
    BufferedImage gradient = new BufferedImage(steps, 1, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < steps; i++) {
      gradient.setRGB(i, 0, colorOf.apply(min + (max - min) * (i + 0.5) / steps).getRGB());
    }
    Graphics2D copy = (Graphics2D) g.create();
    copy.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    copy.translate(x0, y);
    copy.scale((x1 - x0) / steps, BAR_HEIGHT);
    copy.drawImage(gradient, 0, 0, null);
    copy.dispose();
    FontMetrics fm = g.getFontMetrics();
    g.setColor(s.style().muted());
    double tickTop = y + BAR_HEIGHT;
    String[] texts = new String[ticks.length];
    double textWidth = 0;
    for (int i = 0; i < ticks.length; i++) {
      texts[i] =
          ticks[i] == 0 && format.endsWith("e")
              ? "0"
              : String.format(Locale.ROOT, format, ticks[i]);
      if (texts[i].matches("-0\\.0+")) {
        texts[i] = texts[i].substring(1);
      }
      textWidth += fm.stringWidth(texts[i]) + 4;
    }
    double textTop = tickTop + 3 + fm.getAscent();
    if (textWidth > x1 - x0 + fm.stringWidth(texts[0])) {
      // Too narrow for tick labels: one centred label, "±R/2" or "min–max".
      String last = texts[ticks.length - 1];
      String text = texts[0].equals("-" + last) ? "±" + last : texts[0] + "–" + last;
      double centre = (x0 + x1) / 2;
      TextLog.draw(g, text, centre - fm.stringWidth(text) / 2.0, textTop);
      return;
    }
    for (int i = 0; i < ticks.length; i++) {
      double tx = max > min ? x0 + (x1 - x0) * (ticks[i] - min) / (max - min) : x0;
      g.draw(new Line2D.Double(tx, tickTop, tx, tickTop + 3));
      double left = tx - fm.stringWidth(texts[i]) / 2.0;
      TextLog.draw(g, texts[i], left, textTop);
    }
  }

  /** Height the legends need below the nodes. */
  static double height(FontMetrics tickMetrics) {
    return 8 + BAR_HEIGHT + 3 + tickMetrics.getHeight() + 4;
  }
}
