package org.cnnexplainer.viz;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Objects;

/**
 * A text a component painted in its last paint and where: the box from the ascent above the
 * baseline to the descent below it, in the component's coordinates. Layout tests use these to check
 * that no two texts overlap and that none is cut off.
 *
 * @param text the text as drawn
 * @param bounds where it was drawn
 */
public record PaintedText(String text, Rectangle2D bounds) {
  /**
   * Copies the bounds, so the record stays unchanged.
   *
   * @param text the text as drawn
   * @param bounds where it was drawn
   */
  public PaintedText {
    Objects.requireNonNull(text, "text");
    bounds = (Rectangle2D) Objects.requireNonNull(bounds, "bounds").clone();
  }

  /**
   * Where the text was drawn.
   *
   * @return a copy of the bounds
   */
  @Override
  public Rectangle2D bounds() {
    return (Rectangle2D) bounds.clone();
  }

  /**
   * This text moved by {@code (dx, dy)} (into a parent's coordinates).
   *
   * @param dx the horizontal move
   * @param dy the vertical move
   * @return the moved text
   */
  public PaintedText translated(double dx, double dy) {
    return new PaintedText(
        text,
        new Rectangle2D.Double(
            bounds.getX() + dx, bounds.getY() + dy, bounds.getWidth(), bounds.getHeight()));
  }

  /**
   * Whether this text overlaps {@code other} by more than {@code slack} pixels in each direction
   * (antialiasing makes touching boxes share a fraction of a pixel).
   *
   * @param other another text
   * @param slack the overlap allowed, in pixels
   * @return true if they overlap by more
   */
  public boolean overlaps(PaintedText other, double slack) {
    Rectangle2D a = bounds;
    Rectangle2D b = other.bounds;
    double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getX(), b.getX());
    double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getY(), b.getY());
    return w > slack && h > slack;
  }

  /**
   * The first pair of texts in {@code texts} that overlap, as a readable line, or empty.
   *
   * @param texts the texts
   * @param slack the overlap allowed, in pixels
   * @return a description of the first overlapping pair, or empty
   */
  public static java.util.Optional<String> firstOverlap(List<PaintedText> texts, double slack) {
    for (int i = 0; i < texts.size(); i++) {
      for (int j = i + 1; j < texts.size(); j++) {
        if (texts.get(i).overlaps(texts.get(j), slack)) {
          return java.util.Optional.of(texts.get(i) + " overlaps " + texts.get(j));
        }
      }
    }
    return java.util.Optional.empty();
  }
}
