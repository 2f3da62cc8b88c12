package org.cnnexplainer.viz.ops;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.font.TextAttribute;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import org.cnnexplainer.core.explain.SoftmaxBreakdown;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;

/**
 * The softmax view of one class: the logit column (circles coloured light to dark by logit), and
 * the fraction {@code exp(l_sel) / (exp(l_0) + … + exp(l_n)) = p} with every term, its value and
 * the probability. Terms fade in one after another (the selected class first) as the animation's
 * fraction goes from 0 to 1. Hovering a circle or a term highlights both. Numbers come from {@link
 * SoftmaxBreakdown}.
 */
public class SoftmaxView extends StateView {
  static final int PER_ROW = 4;

  private final int classIndex;
  private final Animator animator;
  private double fraction = 1;
  private int hoverClass = -1;

  /**
   * The softmax view of class {@code classIndex}.
   *
   * @throws IllegalArgumentException if the network does not end in a softmax or the class is out
   *     of range
   */
  public SoftmaxView(ExplainerState state, int classIndex) {
    super(state);
    int classes = state.network().outputShape().size();
    if (classIndex < 0 || classIndex >= classes) {
      throw new IllegalArgumentException(
          "class " + classIndex + " out of range for " + classes + " classes");
    }
    this.classIndex = classIndex;
    this.animator = new Animator(Math.max(1200, classes * 300), this::setFraction);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            setHoverClass(
                hits()
                    .at(e.getX(), e.getY())
                    .filter(r -> r.kind() == ViewHits.Kind.LOGIT || r.kind() == ViewHits.Kind.TERM)
                    .map(ViewHits.Region::index)
                    .orElse(-1));
          }

          @Override
          public void mouseExited(MouseEvent e) {
            setHoverClass(-1);
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  @Override
  public String concept() {
    return SOFTMAX;
  }

  /** The class whose term and circle are highlighted ({@code -1}: none). */
  public void setHoverClass(int c) {
    if (c != hoverClass) {
      hoverClass = c;
      repaint();
    }
  }

  /** The highlighted class, or -1. */
  public int hoverClass() {
    return hoverClass;
  }

  /** Shows the frame at {@code fraction} in [0, 1]. */
  public void setFraction(double fraction) {
    this.fraction = Math.max(0, Math.min(1, fraction));
    repaint();
  }

  /**
   * Opacity of class {@code c}'s term and circle at {@code fraction}: the selected class first,
   * then the others in index order, each fading in over one slot.
   */
  static double termAlpha(double fraction, int c, int selected, int classes) {
    int order = c == selected ? 0 : c < selected ? c + 1 : c;
    return Math.max(0, Math.min(1, fraction * classes - order));
  }

  @Override
  public void addNotify() {
    super.addNotify();
    animator.start();
  }

  @Override
  public void removeNotify() {
    animator.stop();
    super.removeNotify();
  }

  @Override
  protected Dimension viewSize() {
    int classes = state().network().outputShape().size();
    int rows = (classes + PER_ROW - 1) / PER_ROW;
    return new Dimension(900, (int) Math.max(70 + classes * 30, 150 + rows * 30 + 60));
  }

  @Override
  protected void paintView(Graphics2D g, OpStyle s, ViewHits hits) {
    SoftmaxBreakdown b = SoftmaxBreakdown.of(state().trace());
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
      colors[i] = state().palette().logits().color(0.2 + 0.8 * norm);
    }
    Composite old = g.getComposite();
    // Logit column.
    double cx = 40;
    Draw.text(g, "logit (" + n + ")", 16, 24, small, s.muted());
    for (int i = 0; i < n; i++) {
      double y = 50 + i * 30;
      double r = i == classIndex ? 8 : 7;
      float alpha = (float) termAlpha(fraction, i, classIndex, n);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, Math.max(alpha, 0.08f)));
      Ellipse2D circle = new Ellipse2D.Double(cx - r, y - r, 2 * r, 2 * r);
      g.setColor(colors[i]);
      g.fill(circle);
      g.setColor(s.foreground());
      g.setStroke(new BasicStroke(i == hoverClass ? 2f : 0.8f));
      g.draw(circle);
      g.setColor(i == hoverClass ? s.foreground() : s.grid());
      g.setStroke(new BasicStroke(i == hoverClass ? 1.5f : 0.6f));
      g.draw(new Line2D.Double(cx + r, y, 250, 40 + 20));
      Font labelFont = i == classIndex ? bold : small;
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
    String title = "Softmax score for \"" + b.label(classIndex) + "\"";
    Draw.text(g, title, fx, 30, bold, s.foreground());
    double numY = 60;
    double numW = termWidth(g, b, classIndex, font);
    double denW = 0;
    for (int row = 0; row * PER_ROW < n; row++) {
      double w = 0;
      for (int i = row * PER_ROW; i < Math.min(n, (row + 1) * PER_ROW); i++) {
        w += termWidth(g, b, i, font) + 22;
      }
      denW = Math.max(denW, w);
    }
    double barW = Math.max(numW, denW);
    term(g, s, hits, b, classIndex, fx + (barW - numW) / 2, numY, colors, font, 1, true);
    double barY = numY + ConvolutionFormulaView.BOX_H + 6;
    g.setColor(s.foreground());
    g.setStroke(new BasicStroke(1.3f));
    g.draw(new Line2D.Double(fx, barY, fx + barW, barY));
    double ty = barY + 10;
    for (int row = 0; row * PER_ROW < n; row++) {
      double x = fx;
      for (int i = row * PER_ROW; i < Math.min(n, (row + 1) * PER_ROW); i++) {
        double a = termAlpha(fraction, i, classIndex, n);
        x += term(g, s, hits, b, i, x, ty, colors, font, a, false);
        if (i < n - 1) {
          Draw.text(g, "+", x + 6, ty + 16, bold, s.foreground());
        }
        x += 22;
      }
      ty += 30;
    }
    String p = DisplayNumbers.four(b.probability(classIndex));
    hits.text("probability", p);
    double ex = fx + barW + 16;
    Draw.text(g, "=  " + p, ex, barY + 6, bold.deriveFont(bold.getSize2D() * 1.3f), s.foreground());
    double vy = ty + 14;
    if (b.expFinite()) {
      String ratio =
          "= "
              + DisplayNumbers.compact(b.exp(classIndex))
              + " / "
              + DisplayNumbers.compact(b.expSum());
      hits.text("ratio", ratio);
      Draw.text(
          g,
          ratio + "  (the network computed " + DisplayNumbers.four(b.output(classIndex)) + ")",
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
    if (hoverClass >= 0) {
      String chip =
          b.label(hoverClass)
              + ": logit "
              + DisplayNumbers.four(b.logits().at(hoverClass))
              + ", exp(logit) = "
              + DisplayNumbers.compact(b.exp(hoverClass))
              + ", p = "
              + DisplayNumbers.four(b.probability(hoverClass));
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
  private double term(
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
      boolean numerator) {
    Composite old = g.getComposite();
    g.setComposite(
        AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(alpha, 0.0)));
    Font f = font;
    if (i == hoverClass) {
      f =
          font.deriveFont(
              Map.of(
                  TextAttribute.WEIGHT,
                  TextAttribute.WEIGHT_BOLD,
                  TextAttribute.UNDERLINE,
                  TextAttribute.UNDERLINE_ON));
    }
    double start = x;
    x += Draw.text(g, "exp(", x, y + 16, f, s.foreground()) + 2;
    String logit = DisplayNumbers.two(b.logits().at(i));
    double w = Math.max(48, Draw.width(g, logit, f) + 10);
    Rectangle2D box = new Rectangle2D.Double(x, y, w, ConvolutionFormulaView.BOX_H);
    Draw.valueCell(g, box, colors[i], logit, f);
    x += w + 2;
    x += Draw.text(g, ")", x, y + 16, f, s.foreground());
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
