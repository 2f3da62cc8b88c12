package org.cnnexplainer.viz.panel;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.function.Function;

/**
 * Where a formula card goes (the original's floating panel, placed so nothing is cut off): beside
 * the neuron it explains — right of it, else left, else below, else above — fully inside the panel,
 * never over that neuron. The card takes the size it can have in the free area it is given (cards
 * shrink down to a minimum); among areas where it fits, the first in that order wins, and within it
 * the card stays as close to the neuron's height as it can.
 */
final class CardPlacement {
  static final int MARGIN = 8;
  static final int GAP = 14;

  private CardPlacement() {}

  /**
   * The card's bounds in {@code panel} next to {@code anchor} (union of what it must not cover);
   * {@code sizeFor} answers the card's size for an available size. The anchors are tried in turn
   * (the first is the most to keep clear); when no side of any has room the card goes into the
   * panel's bottom-right corner (and then may cover the anchor).
   */
  static Rectangle place(
      Rectangle panel, List<Rectangle2D> anchors, Function<Dimension, Dimension> sizeFor) {
    for (Rectangle2D anchor : anchors) {
      Rectangle r = beside(panel, anchor, sizeFor);
      if (r != null) {
        return r;
      }
    }
    int w = panel.width - 2 * MARGIN;
    int h = panel.height - 2 * MARGIN;
    Dimension size = sizeFor.apply(new Dimension(w, h));
    int cw = Math.min(size.width, w);
    int ch = Math.min(size.height, h);
    return new Rectangle(panel.x + MARGIN + w - cw, panel.y + MARGIN + h - ch, cw, ch);
  }

  /** The card beside {@code anchor}, or {@code null} when no side has room. */
  private static Rectangle beside(
      Rectangle panel, Rectangle2D anchor, Function<Dimension, Dimension> sizeFor) {
    int left = panel.x + MARGIN;
    int top = panel.y + MARGIN;
    int right = panel.x + panel.width - MARGIN;
    int bottom = panel.y + panel.height - MARGIN;
    int ax0 = (int) Math.floor(anchor.getX()) - GAP;
    int ax1 = (int) Math.ceil(anchor.getMaxX()) + GAP;
    int ay0 = (int) Math.floor(anchor.getY()) - GAP;
    int ay1 = (int) Math.ceil(anchor.getMaxY()) + GAP;
    List<Rectangle> areas =
        List.of(
            new Rectangle(ax1, top, right - ax1, bottom - top), // right
            new Rectangle(left, top, ax0 - left, bottom - top), // left
            new Rectangle(left, ay1, right - left, bottom - ay1), // below
            new Rectangle(left, top, right - left, ay0 - top)); // above
    for (int i = 0; i < areas.size(); i++) {
      Rectangle area = areas.get(i);
      if (area.width <= 0 || area.height <= 0) {
        continue;
      }
      Dimension size = sizeFor.apply(new Dimension(area.width, area.height));
      if (size.width <= area.width && size.height <= area.height) {
        return within(area, size, anchor, i);
      }
    }
    return null;
  }

  /**
   * The card in {@code area}: against the anchor's side, centred on the anchor along the other axis
   * as far as the area allows.
   */
  private static Rectangle within(Rectangle area, Dimension size, Rectangle2D anchor, int side) {
    int x;
    int y;
    if (side < 2) { // right or left: against the anchor, at its height
      x = side == 0 ? area.x : area.x + area.width - size.width;
      y = (int) Math.round(anchor.getCenterY() - size.height / 2.0);
    } else { // below or above
      y = side == 2 ? area.y : area.y + area.height - size.height;
      x = (int) Math.round(anchor.getCenterX() - size.width / 2.0);
    }
    x = Math.max(area.x, Math.min(area.x + area.width - size.width, x));
    y = Math.max(area.y, Math.min(area.y + area.height - size.height, y));
    return new Rectangle(x, y, size.width, size.height);
  }
}
