package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The (i) button of every operation view: a click fires the property {@link
 * Explainable#EXPLAIN_PROPERTY} with the view's concept id, so the app can open the tutorial text.
 */
final class InfoButton {
  /** Id of the info button region. */
  static final int ID = 2;

  private InfoButton() {}

  /** Paints the button in the top-right corner, {@code offset} px left of the edge. */
  static void paint(Graphics2D g, VizStyle s, HitMap hits, int width, int offset) {
    paint(g, s, hits, new Rectangle2D.Double(width - offset - 18, 6, 18, 18));
  }

  /** Paints the button into {@code box} (18 px square). */
  static void paint(Graphics2D g, VizStyle s, HitMap hits, Rectangle2D box) {
    hits.add(HitMap.Kind.BUTTON, ID, box);
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1.2f));
    g.draw(new Ellipse2D.Double(box.getX() + 1, box.getY() + 1, 16, 16));
    Draw.centered(g, "i", box.getCenterX(), box.getCenterY(), s.textFont().deriveFont(Font.BOLD));
  }

  /** Runs {@code fire} when a click lands on the button recorded in {@code hits}. */
  static MouseAdapter listener(java.util.function.Supplier<HitMap> hits, Runnable fire) {
    return new MouseAdapter() {
      @Override
      public void mouseClicked(MouseEvent e) {
        hits.get()
            .at(e.getX(), e.getY())
            .filter(r -> r.kind() == HitMap.Kind.BUTTON && r.index() == ID)
            .ifPresent(r -> fire.run());
      }
    };
  }
}
