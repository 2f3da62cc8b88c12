package org.cnnexplainer.viz.ops;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.TextAttribute;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.explain.SoftmaxBreakdown;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/** Paints the softmax card's content from a snapshot (stateless; see {@link SoftmaxView}). */
final class SoftmaxPainter {
  /** Everything one paint needs. */
  record Snapshot(
      ActivationTrace trace, int classIndex, Palette palette, double fraction, int hoverClass) {}

  /**
   * The content's arrangement: the logit column's width and row pitch, terms per denominator row,
   * how many terms are drawn (the rest are "… N more"), and the content's size.
   */
  record Layout(
      double column,
      double pitch,
      int perRow,
      int shownTerms,
      boolean resultBelow,
      double width,
      double height) {}

  private static final double TERM_GAP = 22;
  private static final int MAX_ROWS = 4;

  private SoftmaxPainter() {}

  private static Font small(VizStyle s) {
    return s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
  }

  /** The layout for content of at most {@code maxW x maxH}. */
  static Layout layout(
      Graphics2D g, VizStyle s, SoftmaxBreakdown b, int selected, double maxW, double maxH) {
    int n = b.size();
    Font small = small(s);
    Font font = s.textFont();
    double column = 0;
    for (int i = 0; i < n; i++) {
      Font face = i == selected ? small.deriveFont(Font.BOLD) : small;
      column = Math.max(column, 26 + Draw.width(g, label(b, i), face));
    }
    column = Math.min(column, 190);
    double line = Draw.lineHeight(g, font);
    double lines = 3 * Draw.lineHeight(g, small) + 8; // ratio, hover line, hint
    double pitch = Math.max(9, Math.min(22, (maxH - lines) / n));
    double term = 0;
    for (int i = 0; i < n; i++) {
      term = Math.max(term, termWidth(g, b, i, font));
    }
    double result = Draw.width(g, "=  0.0000", font.deriveFont(Font.BOLD, font.getSize2D() * 1.3f));
    int perRow = 4;
    while (perRow > 1 && column + 20 + perRow * (term + TERM_GAP) + result + 12 > maxW) {
      perRow--;
    }
    // Narrow: "= p" goes under the fraction, so two terms still fit a row.
    boolean resultBelow = perRow < 2 && column + 20 + 2 * (term + TERM_GAP) <= maxW && n > 1;
    if (resultBelow) {
      perRow = 2;
      result = 0;
    }
    // As many rows of terms as the height allows (at least four), so narrow cards grow down.
    double fixed = ConvolutionFormulaView.BOX_H + 16 + (resultBelow ? 30 : 0);
    int maxRows = (int) Math.max(MAX_ROWS, Math.floor((maxH - lines - line - fixed) / 30));
    int shown = Math.min(n, perRow * maxRows);
    if (shown < n) {
      shown = Math.max(1, Math.min(n, perRow * (maxRows - 1))); // a row for "… N more"
    }
    int rows = (shown + perRow - 1) / perRow + (shown < n ? 1 : 0) + (resultBelow ? 1 : 0);
    double formulaH = ConvolutionFormulaView.BOX_H + 16 + rows * 30;
    double width = Math.max(column + 20 + perRow * (term + TERM_GAP) + result + 12, 320);
    double height = Math.max(n * pitch, formulaH + line) + lines;
    return new Layout(column, pitch, perRow, shown, resultBelow, width, height);
  }

  private static String label(SoftmaxBreakdown b, int i) {
    return b.label(i) + "  " + DisplayNumbers.two(b.logits().at(i));
  }

  static void paint(Graphics2D g, VizStyle s, HitMap hits, Snapshot f, Rectangle2D content) {
    SoftmaxBreakdown b = SoftmaxBreakdown.of(f.trace());
    int n = b.size();
    Font font = s.textFont();
    Font small = small(s);
    Font bold = font.deriveFont(Font.BOLD);
    Layout layout = layout(g, s, b, f.classIndex(), content.getWidth(), content.getHeight());
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      lo = Math.min(lo, b.logits().at(i));
      hi = Math.max(hi, b.logits().at(i));
    }
    Color[] colors = new Color[n];
    for (int i = 0; i < n; i++) {
      double norm = hi > lo ? (b.logits().at(i) - lo) / (hi - lo) : 1;
      colors[i] = f.palette().logits().color(0.2 + 0.8 * norm);
    }
    Composite old = g.getComposite();
    double x0 = content.getX();
    double y0 = content.getY();
    double fx = x0 + layout.column() + 20;
    double numY = y0 + 4;
    double barY = numY + ConvolutionFormulaView.BOX_H + 6;
    // Logit column.
    double pitch = layout.pitch();
    boolean labels = pitch >= Draw.lineHeight(g, small) - 2;
    for (int i = 0; i < n; i++) {
      double y = y0 + pitch * (i + 0.5);
      double r = Math.max(3, Math.min(i == f.classIndex() ? 8 : 7, pitch / 2 - 1.5));
      double cx = x0 + 8;
      float alpha = (float) SoftmaxView.termAlpha(f.fraction(), i, f.classIndex(), n);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, Math.max(alpha, 0.08f)));
      Ellipse2D circle = new Ellipse2D.Double(cx - r, y - r, 2 * r, 2 * r);
      g.setColor(colors[i]);
      g.fill(circle);
      g.setColor(s.foreground());
      g.setStroke(new BasicStroke(i == f.hoverClass() ? 2f : 0.8f));
      g.draw(circle);
      g.setColor(i == f.hoverClass() ? s.foreground() : s.grid());
      g.setStroke(new BasicStroke(i == f.hoverClass() ? 1.5f : 0.6f));
      g.draw(new Line2D.Double(x0 + layout.column(), y, fx - 4, barY));
      if (labels) {
        Font face = i == f.classIndex() ? small.deriveFont(Font.BOLD) : small;
        Draw.text(
            g,
            Draw.fit(g, label(b, i), face, layout.column() - 20),
            cx + 12,
            y + 4,
            face,
            s.foreground());
      }
      g.setComposite(old);
      hits.add(
          HitMap.Kind.LOGIT, i, new Rectangle2D.Double(x0, y - pitch / 2, layout.column(), pitch));
      hits.text("logit " + i, DisplayNumbers.two(b.logits().at(i)));
    }
    // The fraction.
    int perRow = layout.perRow();
    double numW = termWidth(g, b, f.classIndex(), font);
    double denW = 0;
    for (int row = 0; row * perRow < layout.shownTerms(); row++) {
      double w = 0;
      for (int i = row * perRow; i < Math.min(layout.shownTerms(), (row + 1) * perRow); i++) {
        w += termWidth(g, b, i, font) + TERM_GAP;
      }
      denW = Math.max(denW, w - TERM_GAP);
    }
    double barW = Math.max(numW, denW);
    term(g, s, hits, b, f.classIndex(), fx + (barW - numW) / 2, numY, colors, font, 1, true, f);
    g.setColor(s.foreground());
    g.setStroke(new BasicStroke(1.3f));
    g.draw(new Line2D.Double(fx, barY, fx + barW, barY));
    double ty = barY + 8;
    int shown = layout.shownTerms();
    for (int row = 0; row * perRow < shown; row++) {
      double x = fx;
      for (int i = row * perRow; i < Math.min(shown, (row + 1) * perRow); i++) {
        double a = SoftmaxView.termAlpha(f.fraction(), i, f.classIndex(), n);
        x += term(g, s, hits, b, i, x, ty, colors, font, a, false, f);
        if (i < n - 1) {
          Draw.text(g, "+", x + 7, ty + 15, bold, s.foreground());
        }
        x += TERM_GAP;
      }
      ty += 30;
    }
    if (shown < n) {
      int more = n - shown;
      Draw.text(
          g,
          "… " + more + (more == 1 ? " more term" : " more terms"),
          fx,
          ty + 15,
          font,
          s.muted());
      ty += 30;
    }
    String p = DisplayNumbers.four(b.probability(f.classIndex()));
    hits.text("probability", p);
    Font big = bold.deriveFont(bold.getSize2D() * 1.3f);
    if (layout.resultBelow()) {
      Draw.text(g, "=  " + p, fx, ty + 18, big, s.foreground());
      ty += 30;
    } else {
      Draw.text(g, "=  " + p, fx + barW + 12, barY + 6, big, s.foreground());
    }
    double line = Draw.lineHeight(g, small);
    double vy = Math.max(ty, y0 + n * pitch) + line;
    double width = content.getWidth();
    if (b.expFinite()) {
      String ratio =
          "= "
              + DisplayNumbers.compact(b.exp(f.classIndex()))
              + " / "
              + DisplayNumbers.compact(b.expSum());
      hits.text("ratio", ratio);
      Draw.text(
          g,
          Draw.fit(
              g,
              ratio
                  + "  (the network computed "
                  + DisplayNumbers.four(b.output(f.classIndex()))
                  + ")",
              small,
              width),
          x0,
          vy,
          small,
          s.foreground());
    } else {
      Draw.text(
          g,
          Draw.fit(
              g,
              "exp overflows here; computed as exp(l − max) / Σ exp(l − max), max = "
                  + DisplayNumbers.two(b.maxLogit()),
              small,
              width),
          x0,
          vy,
          small,
          s.foreground());
    }
    if (f.hoverClass() >= 0) {
      String chip =
          b.label(f.hoverClass())
              + ": logit "
              + DisplayNumbers.four(b.logits().at(f.hoverClass()))
              + ", exp(logit) = "
              + DisplayNumbers.compact(b.exp(f.hoverClass()))
              + ", p = "
              + DisplayNumbers.four(b.probability(f.hoverClass()));
      hits.text("hover", chip);
      Draw.text(g, Draw.fit(g, chip, small, width), x0, vy + line, small, s.foreground());
    }
    Draw.text(
        g,
        Draw.fit(g, "Hover over a term or a circle to link them", small, width),
        x0,
        vy + 2 * line,
        small,
        s.muted());
  }

  private static double termWidth(Graphics2D g, SoftmaxBreakdown b, int i, Font font) {
    return Draw.width(g, "exp(", font)
        + Math.max(48, Draw.width(g, DisplayNumbers.two(b.logits().at(i)), font) + 10)
        + Draw.width(g, ")", font)
        + 4;
  }

  /** Draws "exp([l_i])" at (x, y) and returns its width. */
  private static double term(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      SoftmaxBreakdown b,
      int i,
      double x,
      double y,
      Color[] colors,
      Font font,
      double alpha,
      boolean numerator,
      Snapshot f) {
    Composite old = g.getComposite();
    g.setComposite(
        AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(alpha, 0.0)));
    Font face = font;
    if (i == f.hoverClass()) {
      face =
          font.deriveFont(
              Map.of(
                  TextAttribute.WEIGHT,
                  TextAttribute.WEIGHT_BOLD,
                  TextAttribute.UNDERLINE,
                  TextAttribute.UNDERLINE_ON));
    }
    double start = x;
    x += Draw.text(g, "exp(", x, y + 15, face, s.foreground()) + 2;
    String logit = DisplayNumbers.two(b.logits().at(i));
    double w = Math.max(48, Draw.width(g, logit, face) + 10);
    Rectangle2D box = new Rectangle2D.Double(x, y, w, ConvolutionFormulaView.BOX_H);
    Draw.valueCell(g, box, colors[i], logit, face);
    x += w + 2;
    x += Draw.text(g, ")", x, y + 15, face, s.foreground());
    g.setComposite(old);
    Rectangle2D area = new Rectangle2D.Double(start, y, x - start, ConvolutionFormulaView.BOX_H);
    if (!numerator) {
      hits.add(HitMap.Kind.TERM, i, area);
      hits.text("term " + i, logit);
    } else {
      hits.text("numerator", logit);
    }
    return x - start;
  }
}
