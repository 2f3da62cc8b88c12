package org.cnnexplainer.viz.overview;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Composite;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.internal.TextLog;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/** Paints the nodes of one column (heat-maps, unit colours, or class labels with bars). */
final class NodePainter {
  private NodePainter() {}

  /**
   * How the nodes of one column are drawn: each node's opacity, and whether it reacts to the
   * pointer (is recorded in the hit map).
   */
  record Rule(IntToDoubleFunction alpha, IntPredicate reacts) {
    static final Rule ALL = new Rule(n -> 1, n -> true);
  }

  static void paintColumn(
      Graphics2D g,
      OverviewLayout layout,
      int c,
      OverviewSnapshot s,
      FontMetrics classFont,
      HitMap hits,
      Scaled scaled,
      Rule rule) {
    ColumnSpec col = layout.columns.get(c);
    Rectangle2D[] boxes = layout.boxes[c];
    Composite old = g.getComposite();
    for (int n = 0; n < boxes.length; n++) {
      NeuronRef ref = new NeuronRef(col.layer(), n);
      double alpha = rule.alpha().applyAsDouble(n);
      if (alpha <= 0) {
        continue;
      }
      if (alpha < 1) {
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
      }
      Rectangle2D bounds = boxes[n];
      switch (col.kind()) {
        case INPUT, MAP -> {
          bounds = OverviewLayout.mapBounds(boxes[n], col.mapHeight(), col.mapWidth());
          paintMap(g, s, c, n, bounds, scaled, alpha);
        }
        case VECTOR -> {
          if (s.trace() != null) {
            float v =
                (s.gradients() != null
                        ? s.gradients().output(col.layer())
                        : s.difference() != null
                            ? s.difference().of(col.layer())
                            : s.trace().output(col.layer()))
                    .at(n);
            g.setColor(OverviewPainter.unitColor(s, col.layer(), v));
            g.fill(boxes[n]);
          } else {
            placeholder(g, s, boxes[n]);
          }
        }
        case OUTPUT -> paintOutput(g, s, layout, col, n, boxes[n], classFont);
      }
      g.setComposite(old);
      if (rule.reacts().test(n)) {
        hits.add(
            ref, bounds, col.hasMaps() ? col.mapHeight() : 1, col.hasMaps() ? col.mapWidth() : 1);
      }
    }
  }

  private static void paintMap(
      Graphics2D g, OverviewSnapshot s, int c, int n, Rectangle2D r, Scaled scaled, double alpha) {
    if (s.tiles() == null) {
      placeholder(g, s, r);
      return;
    }
    double f = s.transition();
    if (f < 1 && s.fadeIn()) { // the first trace: heat-maps appear over the empty nodes
      placeholder(g, s, r);
      draw(
          g,
          s,
          s.tiles(),
          scaled == null ? null : scaled.current(),
          c,
          n,
          r,
          alpha * ImageChange.firstAlpha(f));
    } else if (f < 1 && s.previousTiles() != null) {
      draw(
          g,
          s,
          s.previousTiles(),
          scaled == null ? null : scaled.previous(),
          c,
          n,
          r,
          alpha * ImageChange.oldAlpha(f));
      draw(
          g,
          s,
          s.tiles(),
          scaled == null ? null : scaled.current(),
          c,
          n,
          r,
          alpha * ImageChange.newAlpha(f));
    } else {
      draw(g, s, s.tiles(), scaled == null ? null : scaled.current(), c, n, r, alpha);
    }
  }

  private static void draw(
      Graphics2D g,
      OverviewSnapshot s,
      BufferedImage[][] tiles,
      BufferedImage[][] prescaled,
      int c,
      int n,
      Rectangle2D r,
      double alpha) {
    if (alpha <= 0) {
      return;
    }
    if (prescaled == null) {
      OverviewPainter.drawTile(g, tiles[c][n], r, alpha, s.style().crispPixels());
      return;
    }
    Composite old = g.getComposite();
    if (alpha < 1) {
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) alpha));
    }
    AffineTransform at = g.getTransform();
    g.setTransform(new AffineTransform());
    int x = (int) Math.round(r.getX() * at.getScaleX() + at.getTranslateX());
    int y = (int) Math.round(r.getY() * at.getScaleY() + at.getTranslateY());
    g.drawImage(prescaled[c][n], x, y, null);
    g.setTransform(at);
    g.setComposite(old);
  }

  /** Device-pixel copies of the current and previous tiles, or {@code null} to scale each paint. */
  record Scaled(BufferedImage[][] current, BufferedImage[][] previous) {}

  private static void placeholder(Graphics2D g, OverviewSnapshot s, Rectangle2D r) {
    g.setColor(VizStyle.mix(s.style().background(), s.style().foreground(), 0.05));
    g.fill(r);
    g.setColor(VizStyle.mix(s.style().background(), s.style().foreground(), 0.2));
    g.setStroke(new BasicStroke(1f));
    g.draw(r);
  }

  private static void paintOutput(
      Graphics2D g,
      OverviewSnapshot s,
      OverviewLayout layout,
      ColumnSpec col,
      int n,
      Rectangle2D box,
      FontMetrics fm) {
    boolean hovered = s.hover() != null && s.hover().neuron().equals(new NeuronRef(col.layer(), n));
    Color bg = s.style().background();
    Color fg = s.style().foreground();
    boolean selected =
        s.selection() != null && s.selection().neuron().equals(new NeuronRef(col.layer(), n));
    g.setColor(VizStyle.mix(bg, fg, selected ? 1 : hovered ? 0.8 : 0.5));
    g.setFont(fm.getFont());
    String label = s.network().classLabels().get(n);
    OutputRows rows = OutputRows.of(box, fm, s.trace() != null);
    if (rows.baseline() > 0) {
      TextLog.draw(g, label, box.getX(), rows.baseline());
      if (hovered) {
        g.setStroke(new BasicStroke(1f));
        double y = rows.baseline() + 2;
        g.draw(new Line2D.Double(box.getX(), y, box.getX() + fm.stringWidth(label), y));
      }
    }
    if (s.trace() == null) {
      return;
    }
    Tensor p = s.trace().probabilities();
    Tensor ghost = s.reference() == null ? null : s.reference().probabilities();
    // One scale for both sets, so that a longer bar is always a larger probability.
    double max = ghost == null ? p.max() : Math.max(p.max(), ghost.max());
    double scale = s.previousTiles() != null ? ImageChange.barScale(s.transition()) : 1;
    double width = max > 0 ? p.at(n) / max * layout.node * scale : 0;
    g.setColor(s.style().bar());
    g.fill(new Rectangle2D.Double(box.getX(), rows.barTop(), width, rows.barHeight()));
    if (ghost != null) {
      // The reference's probability as an outline over the bar: what it was before the change.
      double before = max > 0 ? ghost.at(n) / max * layout.node : 0;
      g.setColor(s.style().foreground());
      g.setStroke(new BasicStroke(1f));
      g.draw(
          new Rectangle2D.Double(
              box.getX() + 0.5,
              rows.barTop() + 0.5,
              Math.max(0, before - 1),
              rows.barHeight() - 1));
    }
  }

  /**
   * Where a class output's label and probability bar go in its box: the label's baseline (0 when
   * there is no room for text: many classes show bars only) and the bar below the label's descent
   * with a gap, so the two never touch.
   */
  record OutputRows(double baseline, double barTop, double barHeight) {
    static final double GAP = 2;

    static OutputRows of(Rectangle2D box, FontMetrics fm, boolean withBar) {
      double text = fm.getAscent() + fm.getDescent();
      double bar = Math.max(3, Math.min(10, box.getHeight() * 0.25));
      if (!withBar) {
        return box.getHeight() >= fm.getAscent()
            ? new OutputRows(box.getCenterY() + fm.getAscent() / 2.0 - 2, 0, 0)
            : new OutputRows(0, 0, 0);
      }
      if (box.getHeight() < text + GAP + 3) { // no room for both: the bar alone
        bar = Math.min(bar, box.getHeight());
        return new OutputRows(0, box.getY() + (box.getHeight() - bar) / 2, bar);
      }
      bar = Math.min(bar, box.getHeight() - text - GAP);
      double top = box.getCenterY() - (text + GAP + bar) / 2;
      double baseline = top + fm.getAscent();
      return new OutputRows(baseline, baseline + fm.getDescent() + GAP, bar);
    }
  }
}
