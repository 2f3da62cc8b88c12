package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The annotations of an elastic view: short italic notes, each with a curved arrow to the thing it
 * explains, placed where they overlap nothing. A note tries its preferred spots first, then scans
 * the free areas (the veiled sides of the overview) outward from its target; a note that fits
 * nowhere is left out rather than drawn over something.
 */
final class Notes {
  private static final double LINE_WIDTH = 190;
  private static final double PAD = 3;

  private final Graphics2D g;
  private final VizStyle s;
  private final HitMap hits;
  private final Rectangle2D bounds;
  private final List<Rectangle2D> occupied = new ArrayList<>();
  private final List<Rectangle2D> words = new ArrayList<>();
  private final List<Line2D> arrows = new ArrayList<>();
  private final Font font;

  /** Notes inside {@code bounds}; nothing is placed over what {@link #occupy} was given. */
  Notes(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D bounds) {
    this.g = g;
    this.s = s;
    this.hits = hits;
    this.bounds = bounds;
    this.font = s.textFont().deriveFont(Font.ITALIC, s.textFont().getSize2D() * 0.85f);
  }

  /** Marks {@code r} as taken. */
  void occupy(Rectangle2D r) {
    if (r != null) {
      occupied.add(grow(r, PAD));
    }
  }

  /** Marks {@code r} as taken by text: no note's arrow may cross it either. */
  void occupyText(Rectangle2D r) {
    occupy(r);
    if (r != null) {
      words.add(grow(r, 1));
    }
  }

  /** Whether {@code r} is inside the bounds and clear of everything taken. */
  boolean isFree(Rectangle2D r) {
    if (!bounds.contains(r)) {
      return false;
    }
    for (Rectangle2D o : occupied) {
      if (o.intersects(r)) {
        return false;
      }
    }
    return true;
  }

  /** A placed note: its role, its lines, where they go and what its arrow points at. */
  record Placed(String role, String text, List<String> lines, Rectangle2D spot, Point2D target) {}

  /**
   * Places {@code text} (wrapped) near {@code target}: at the first free spot among {@code
   * preferred} (top-left corners), else scanning the free areas. Returns the placement (now
   * occupied), or {@code null} when it fits nowhere. Nothing is drawn; see {@link #draw}.
   */
  Placed place(String role, String text, Point2D target, List<Point2D> preferred) {
    List<String> lines = wrap(text);
    double w = 0;
    for (String line : lines) {
      w = Math.max(w, Draw.width(g, line, font));
    }
    double lh = Draw.lineHeight(g, font);
    double h = lines.size() * lh;
    Rectangle2D spot = null;
    for (Point2D p : preferred) {
      Rectangle2D r = new Rectangle2D.Double(p.getX(), p.getY(), w, h);
      if (isFree(r) && arrowIsClear(r, target)) {
        spot = r;
        break;
      }
    }
    if (spot == null) {
      spot = scan(target, w, h);
    }
    if (spot == null) {
      return null;
    }
    occupied.add(grow(spot, PAD));
    words.add(spot);
    arrows.add(arrowLine(spot, target));
    return new Placed(role, text, lines, spot, target);
  }

  /**
   * Whether the arrow from a note at {@code r} to {@code target} crosses no text, and the note lies
   * on no earlier note's arrow.
   */
  private boolean arrowIsClear(Rectangle2D r, Point2D target) {
    Line2D arrow = arrowLine(r, target);
    for (Rectangle2D w : words) {
      if (w.intersectsLine(arrow)) {
        return false;
      }
    }
    for (Line2D other : arrows) {
      if (r.intersectsLine(other)) {
        return false;
      }
    }
    return true;
  }

  /** The straight line an arrow from a note at {@code r} roughly follows. */
  private static Line2D arrowLine(Rectangle2D r, Point2D target) {
    double sx = Math.max(r.getX(), Math.min(r.getMaxX(), target.getX()));
    double sy = Math.max(r.getY(), Math.min(r.getMaxY(), target.getY()));
    double dx = target.getX() - sx;
    double dy = target.getY() - sy;
    double length = Math.hypot(dx, dy);
    if (length < 1) {
      return new Line2D.Double(sx, sy, sx, sy);
    }
    // Stop short of the target, which may sit inside something taken (the plus sign).
    return new Line2D.Double(
        sx, sy, target.getX() - dx / length * 6, target.getY() - dy / length * 6);
  }

  /** Draws a placed note and its arrow. */
  void draw(Placed note) {
    double lh = Draw.lineHeight(g, font);
    double baseline = note.spot().getY() + g.getFontMetrics(font).getAscent();
    for (String line : note.lines()) {
      Draw.text(g, line, note.spot().getX(), baseline, font, s.muted());
      baseline += lh;
    }
    hits.text("note " + note.role(), note.text());
    arrow(note.spot(), note.target());
  }

  /** The free spot nearest {@code target} (a grid of candidate corners). */
  private Rectangle2D scan(Point2D target, double w, double h) {
    Rectangle2D best = null;
    double bestDistance = Double.MAX_VALUE;
    for (double y = bounds.getY(); y + h <= bounds.getMaxY(); y += 6) {
      for (double x = bounds.getX(); x + w <= bounds.getMaxX(); x += 10) {
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        double d = distance(r, target);
        if (d < bestDistance && isFree(r) && arrowIsClear(r, target)) {
          best = r;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  private static double distance(Rectangle2D r, Point2D p) {
    double dx = Math.max(0, Math.max(r.getX() - p.getX(), p.getX() - r.getMaxX()));
    double dy = Math.max(0, Math.max(r.getY() - p.getY(), p.getY() - r.getMaxY()));
    return Math.hypot(dx, dy);
  }

  /** A gently curved arrow from the note's nearest edge to just before the target. */
  private void arrow(Rectangle2D note, Point2D target) {
    double sx = Math.max(note.getX(), Math.min(note.getMaxX(), target.getX()));
    double sy = Math.max(note.getY(), Math.min(note.getMaxY(), target.getY()));
    if (sx > note.getX()
        && sx < note.getMaxX()) { // above or below: leave from the middle of the edge
      sx = Math.max(note.getX() + 6, Math.min(note.getMaxX() - 6, target.getX()));
    }
    double dx = target.getX() - sx;
    double dy = target.getY() - sy;
    double length = Math.hypot(dx, dy);
    if (length < 14) {
      return;
    }
    double ex = target.getX() - dx / length * 4;
    double ey = target.getY() - dy / length * 4;
    double bend = Math.min(30, length * 0.25);
    double cx = (sx + ex) / 2 - dy / length * bend;
    double cy = (sy + ey) / 2 + dx / length * bend;
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    g.draw(new QuadCurve2D.Double(sx, sy, cx, cy, ex, ey));
    double angle = Math.atan2(ey - cy, ex - cx);
    Path2D.Double head = new Path2D.Double();
    head.moveTo(ex, ey);
    head.lineTo(ex - 6 * Math.cos(angle - 0.45), ey - 6 * Math.sin(angle - 0.45));
    head.lineTo(ex - 6 * Math.cos(angle + 0.45), ey - 6 * Math.sin(angle + 0.45));
    head.closePath();
    g.fill(head);
  }

  private List<String> wrap(String text) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (Draw.width(g, candidate, font) > LINE_WIDTH && !line.isEmpty()) {
        lines.add(line.toString());
        line = new StringBuilder(word);
      } else {
        line = new StringBuilder(candidate);
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  private static Rectangle2D grow(Rectangle2D r, double by) {
    return new Rectangle2D.Double(
        r.getX() - by, r.getY() - by, r.getWidth() + 2 * by, r.getHeight() + 2 * by);
  }
}
