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

/** Paints the softmax view from a snapshot (stateless; see {@link SoftmaxView}). */
final class SoftmaxPainter {
  /** Everything one paint needs. */
  record Snapshot(
      ActivationTrace trace, int classIndex, Palette palette, double fraction, int hoverClass) {}

  static final int PER_ROW = 4;

  private SoftmaxPainter() {}

  static void paint(Graphics2D g, OpStyle s, ViewHits hits, Snapshot f) {
    SoftmaxBreakdown b = SoftmaxBreakdown.of(f.trace());
    int n = b.size();
    Font font = s.font();
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    Font bold = font.deriveFont(Font.BOLD);
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
    // Logit column.
    double cx = 40;
    Draw.text(g, "logit (" + n + ")", 16, 24, small, s.muted());
    for (int i = 0; i < n; i++) {
      double y = 50 + i * 30;
      double r = i == f.classIndex() ? 8 : 7;
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
      g.draw(new Line2D.Double(cx + r, y, 250, 40 + 20));
      Font labelFont = i == f.classIndex() ? bold : small;
      Draw.text(
          g,
          b.label(i) + "  " + DisplayNumbers.two(b.logits().at(i)),
          cx + 14,
          y + 4,
          labelFont,
          s.foreground());
      g.setComposite(old);
      hits.add(ViewHits.Kind.LOGIT, i, new Rectangle2D.Double(cx - 10, y - 10, 150, 20));
      hits.text("logit " + i, DisplayNumbers.two(b.logits().at(i)));
    }
    // The formula.
    double fx = 260;
    String title = "Softmax score for \"" + b.label(f.classIndex()) + "\"";
    Draw.text(g, title, fx, 30, bold, s.foreground());
    double numY = 60;
    double numW = termWidth(g, b, f.classIndex(), font);
    double denW = 0;
    for (int row = 0; row * PER_ROW < n; row++) {
      double w = 0;
      for (int i = row * PER_ROW; i < Math.min(n, (row + 1) * PER_ROW); i++) {
        w += termWidth(g, b, i, font) + 22;
      }
      denW = Math.max(denW, w);
    }
    double barW = Math.max(numW, denW);
    term(
        g,
        s,
        hits,
        b,
        f.classIndex(),
        fx + (barW - numW) / 2,
        numY,
        colors,
        font,
        1,
        true,
        f.hoverClass());
    double barY = numY + ConvolutionFormulaView.BOX_H + 6;
    g.setColor(s.foreground());
    g.setStroke(new BasicStroke(1.3f));
    g.draw(new Line2D.Double(fx, barY, fx + barW, barY));
    double ty = barY + 10;
    for (int row = 0; row * PER_ROW < n; row++) {
      double x = fx;
      for (int i = row * PER_ROW; i < Math.min(n, (row + 1) * PER_ROW); i++) {
        double a = SoftmaxView.termAlpha(f.fraction(), i, f.classIndex(), n);
        x += term(g, s, hits, b, i, x, ty, colors, font, a, false, f.hoverClass());
        if (i < n - 1) {
          Draw.text(g, "+", x + 6, ty + 16, bold, s.foreground());
        }
        x += 22;
      }
      ty += 30;
    }
    String p = DisplayNumbers.four(b.probability(f.classIndex()));
    hits.text("probability", p);
    double ex = fx + barW + 16;
    Draw.text(g, "=  " + p, ex, barY + 6, bold.deriveFont(bold.getSize2D() * 1.3f), s.foreground());
    double vy = ty + 14;
    if (b.expFinite()) {
      String ratio =
          "= "
              + DisplayNumbers.compact(b.exp(f.classIndex()))
              + " / "
              + DisplayNumbers.compact(b.expSum());
      hits.text("ratio", ratio);
      Draw.text(
          g,
          ratio + "  (the network computed " + DisplayNumbers.four(b.output(f.classIndex())) + ")",
          fx,
          vy,
          font,
          s.foreground());
    } else {
      Draw.text(
          g,
          "exp overflows here; computed as exp(l − max) / Σ exp(l − max), max = "
              + DisplayNumbers.two(b.maxLogit()),
          fx,
          vy,
          font,
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
      Draw.text(g, chip, fx, vy + 22, small, s.foreground());
    } else {
      Draw.text(g, "Hover over a term or a circle to link them", fx, vy + 22, small, s.muted());
    }
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
      OpStyle s,
      ViewHits hits,
      SoftmaxBreakdown b,
      int i,
      double x,
      double y,
      Color[] colors,
      Font font,
      double alpha,
      boolean numerator,
      int hoverClass) {
    Composite old = g.getComposite();
    g.setComposite(
        AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(alpha, 0.0)));
    Font face = font;
    if (i == hoverClass) {
      face =
          font.deriveFont(
              Map.of(
                  TextAttribute.WEIGHT,
                  TextAttribute.WEIGHT_BOLD,
                  TextAttribute.UNDERLINE,
                  TextAttribute.UNDERLINE_ON));
    }
    double start = x;
    x += Draw.text(g, "exp(", x, y + 16, face, s.foreground()) + 2;
    String logit = DisplayNumbers.two(b.logits().at(i));
    double w = Math.max(48, Draw.width(g, logit, face) + 10);
    Rectangle2D box = new Rectangle2D.Double(x, y, w, ConvolutionFormulaView.BOX_H);
    Draw.valueCell(g, box, colors[i], logit, face);
    x += w + 2;
    x += Draw.text(g, ")", x, y + 16, face, s.foreground());
    g.setComposite(old);
    Rectangle2D area = new Rectangle2D.Double(start, y, x - start, ConvolutionFormulaView.BOX_H);
    if (!numerator) {
      hits.add(ViewHits.Kind.TERM, i, area);
      hits.text("term " + i, logit);
    } else {
      hits.text("numerator", logit);
    }
    return x - start;
  }
}
