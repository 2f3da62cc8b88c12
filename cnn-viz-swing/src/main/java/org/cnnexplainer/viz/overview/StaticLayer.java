package org.cnnexplainer.viz.overview;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;

/**
 * The parts of the overview that change only with size, network, style or detail mode (background,
 * edges, labels), kept as an image at device resolution and copied on every paint: antialiased
 * edges are by far the slowest thing to draw.
 */
final class StaticLayer {
  private List<Object> key;
  private BufferedImage image;

  /**
   * Draws what {@code painter} draws for {@code key} into {@code g}, from the cached image when the
   * key and the device scale are unchanged. Paints directly under rotating or shearing transforms
   * (e.g. printing).
   */
  void paint(Graphics2D g, Object key, int width, int height, Consumer<Graphics2D> painter) {
    AffineTransform at = g.getTransform();
    int allowed =
        AffineTransform.TYPE_TRANSLATION
            | AffineTransform.TYPE_UNIFORM_SCALE
            | AffineTransform.TYPE_GENERAL_SCALE;
    if ((at.getType() & ~allowed) != 0 || at.getScaleX() <= 0 || at.getScaleY() <= 0) {
      painter.accept(g);
      return;
    }
    double sx = at.getScaleX();
    double sy = at.getScaleY();
    List<Object> fullKey = List.of(key, width, height, sx, sy);
    if (!fullKey.equals(this.key)) {
      BufferedImage fresh =
          new BufferedImage(
              (int) Math.ceil(width * sx),
              (int) Math.ceil(height * sy),
              BufferedImage.TYPE_INT_RGB);
      Graphics2D ig = fresh.createGraphics();
      try {
        ig.setRenderingHints(g.getRenderingHints());
        ig.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        ig.scale(sx, sy);
        painter.accept(ig);
      } finally {
        ig.dispose();
      }
      this.image = fresh;
      this.key = fullKey;
    }
    g.setTransform(
        AffineTransform.getTranslateInstance(
            Math.round(at.getTranslateX()), Math.round(at.getTranslateY())));
    g.drawImage(image, 0, 0, null);
    g.setTransform(at);
  }
}
