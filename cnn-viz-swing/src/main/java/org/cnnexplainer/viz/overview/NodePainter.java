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
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.NeuronRef;

/** Paints the nodes of one column (heat-maps, unit colours, or class labels with bars). */
final class NodePainter {
  private NodePainter() {}

  static void paintColumn(
      Graphics2D g,
      OverviewLayout layout,
      int c,
      OverviewSnapshot s,
      FontMetrics classFont,
      HitMap hits,
      Scaled scaled) {
    ColumnSpec col = layout.columns.get(c);
    Rectangle2D[] boxes = layout.boxes[c];
    for (int n = 0; n < boxes.length; n++) {
      NeuronRef ref = new NeuronRef(col.layer(), n);
      switch (col.kind()) {
        case INPUT, MAP -> {
          Rectangle2D bounds = OverviewLayout.mapBounds(boxes[n], col.mapHeight(), col.mapWidth());
          paintMap(g, s, c, n, bounds, scaled);
          hits.add(ref, bounds, col.mapHeight(), col.mapWidth());
        }
        case VECTOR -> {
          if (s.trace() != null) {
            float v = s.trace().output(col.layer()).at(n);
            g.setColor(OverviewPainter.unitColor(s, col.layer(), v));
            g.fill(boxes[n]);
          } else {
            placeholder(g, s, boxes[n]);
          }
          hits.add(ref, boxes[n], 1, 1);
        }
        case OUTPUT -> {
          paintOutput(g, s, layout, col, n, boxes[n], classFont);
          hits.add(ref, boxes[n], 1, 1);
        }
      }
    }
  }

  private static void paintMap(
      Graphics2D g, OverviewSnapshot s, int c, int n, Rectangle2D r, Scaled scaled) {
    if (s.tiles() == null) {
      placeholder(g, s, r);
      return;
    }
    double f = s.transition();
    if (f < 1 && s.previousTiles() != null) {
      draw(
          g,
          s,
          s.previousTiles(),
          scaled == null ? null : scaled.previous(),
          c,
          n,
          r,
          ImageChange.oldAlpha(f));
      draw(
          g,
          s,
          s.tiles(),
          scaled == null ? null : scaled.current(),
          c,
          n,
          r,
          ImageChange.newAlpha(f));
    } else {
      draw(g, s, s.tiles(), scaled == null ? null : scaled.current(), c, n, r, 1);
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
    g.setColor(OverviewStyle.mix(s.style().background(), s.style().foreground(), 0.05));
    g.fill(r);
    g.setColor(OverviewStyle.mix(s.style().background(), s.style().foreground(), 0.2));
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
    g.setColor(OverviewStyle.mix(bg, fg, hovered ? 0.8 : 0.5));
    g.setFont(fm.getFont());
    String label = s.network().classLabels().get(n);
    float baseline = (float) (box.getCenterY() + fm.getAscent() / 2.0 - 2);
    if (s.trace() != null) {
      baseline = (float) (box.getY() + box.getHeight() * 0.55);
    }
    boolean roomForText = box.getHeight() >= fm.getAscent(); // else (many classes) bars only
    if (roomForText) {
      g.drawString(label, (float) box.getX(), baseline);
    }
    if (hovered && roomForText) {
      g.setStroke(new BasicStroke(1f));
      double y = baseline + 2;
      g.draw(new Line2D.Double(box.getX(), y, box.getX() + fm.stringWidth(label), y));
    }
    if (s.trace() == null) {
      return;
    }
    Tensor p = s.trace().probabilities();
    double max = p.max();
    double scale = s.previousTiles() != null ? ImageChange.barScale(s.transition()) : 1;
    double width = max > 0 ? p.at(n) / max * layout.node * scale : 0;
    double height = Math.max(3, box.getHeight() * 0.25);
    g.setColor(s.style().bar());
    g.fill(new Rectangle2D.Double(box.getX(), box.getY() + box.getHeight() * 0.7, width, height));
  }
}
