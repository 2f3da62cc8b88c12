package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The frame of a formula card (the original's floating panel, spec §1D #33): a bordered card with
 * its title and a line saying what exactly it shows, and at the top right the (i), play/pause and
 * close (×) buttons (stateless).
 */
final class CardChrome {
  /** Id of the close button region. */
  static final int CLOSE = 3;

  /** Space between the card's edge and its content. */
  static final double MARGIN = 12;

  /** Where the content starts below the header. */
  static final double CONTENT_TOP = 50;

  private static final double BUTTON = 18;

  private CardChrome() {}

  /**
   * Paints the card's frame and header into {@code width x height}; {@code playing} is {@code null}
   * for a card without animation. Records the buttons in {@code hits}.
   */
  static void paint(
      Graphics2D g,
      VizStyle s,
      HitMap hits,
      int width,
      int height,
      String title,
      String subtitle,
      Boolean playing) {
    g.setColor(s.background());
    g.fill(new Rectangle2D.Double(0, 0, width, height));
    g.setColor(s.grid());
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(0.5, 0.5, width - 1, height - 1));
    double x = width - 8 - BUTTON;
    closeButton(g, s, hits, new Rectangle2D.Double(x, 7, BUTTON, BUTTON));
    if (playing != null) {
      x -= BUTTON + 6;
      playButton(g, s, hits, new Rectangle2D.Double(x, 7, BUTTON, BUTTON), playing);
    }
    x -= BUTTON + 6;
    InfoButton.paint(g, s, hits, new Rectangle2D.Double(x, 7, BUTTON, BUTTON));
    Font bold = s.textFont().deriveFont(Font.BOLD);
    Font small = s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
    String shownTitle = Draw.fit(g, title, bold, x - 8 - MARGIN);
    Draw.text(g, shownTitle, MARGIN, 21, bold, s.foreground());
    hits.text("title", title);
    String shownSubtitle = Draw.fit(g, subtitle, small, width - 2 * MARGIN);
    Draw.text(g, shownSubtitle, MARGIN, 39, small, s.muted());
    hits.text("subtitle", subtitle);
  }

  private static void closeButton(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D box) {
    hits.add(HitMap.Kind.BUTTON, CLOSE, box);
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    double in = 5;
    g.draw(
        new Line2D.Double(
            box.getX() + in, box.getY() + in, box.getMaxX() - in, box.getMaxY() - in));
    g.draw(
        new Line2D.Double(
            box.getMaxX() - in, box.getY() + in, box.getX() + in, box.getMaxY() - in));
  }

  /** The play/pause button: two bars while playing (click pauses), a triangle while paused. */
  static void playButton(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D box, boolean playing) {
    hits.add(HitMap.Kind.BUTTON, SteppingView.PLAY_BUTTON, box);
    hits.text("button", playing ? "pause" : "play");
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
    double x = box.getX();
    double y = box.getY();
    if (playing) {
      g.fill(new Rectangle2D.Double(x + 5, y + 4, 3, 10));
      g.fill(new Rectangle2D.Double(x + 10, y + 4, 3, 10));
    } else {
      Path2D.Double p = new Path2D.Double();
      p.moveTo(x + 6, y + 4);
      p.lineTo(x + 14, y + 9);
      p.lineTo(x + 6, y + 14);
      p.closePath();
      g.fill(p);
    }
  }
}
