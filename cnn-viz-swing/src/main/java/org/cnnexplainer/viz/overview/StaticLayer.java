package org.cnnexplainer.viz.overview;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;

/**
 * The parts of the overview that change only with size, network or style (background and edges),
 * kept as an image at device resolution and copied on every paint: antialiased edges are by far the
 * slowest thing to draw. The very first image of a component on screen is drawn on a background
 * thread (on a cold JVM it takes over 100 ms, which would delay the window's first frame); until it
 * is ready the background alone is painted, and {@code whenReady} repaints.
 */
final class StaticLayer {
  private List<Object> key;
  private BufferedImage image;
  private List<Object> pending;

  /**
   * Draws what {@code painter} draws for {@code key} into {@code g}, from the cached image when the
   * key and the device scale are unchanged. Paints directly under rotating or shearing transforms
   * (e.g. printing).
   */
  void paint(Graphics2D g, Object key, int width, int height, Consumer<Graphics2D> painter) {
    paint(g, key, width, height, painter, null, null);
  }

  /**
   * As {@link #paint(Graphics2D, Object, int, int, Consumer)}; when there is no image yet and
   * {@code whenReady} is given, it is drawn on a background thread while {@code fallback} paints
   * now, and {@code whenReady} runs on the event thread once it is in.
   */
  void paint(
      Graphics2D g,
      Object key,
      int width,
      int height,
      Consumer<Graphics2D> painter,
      Consumer<Graphics2D> fallback,
      Runnable whenReady) {
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
      if (image == null && whenReady != null) {
        if (!fullKey.equals(pending)) {
          pending = fullKey;
          var hints = g.getRenderingHints();
          Thread t =
              new Thread(
                  () -> {
                    BufferedImage fresh = draw(hints, width, height, sx, sy, painter);
                    SwingUtilities.invokeLater(
                        () -> {
                          if (fullKey.equals(pending) && image == null) {
                            image = fresh;
                            this.key = fullKey;
                            whenReady.run();
                          }
                        });
                  },
                  "cnn-viz-edges");
          t.setDaemon(true);
          t.start();
        }
        fallback.accept(g);
        return;
      }
      this.image = draw(g.getRenderingHints(), width, height, sx, sy, painter);
      this.key = fullKey;
    }
    pending = null;
    g.setTransform(
        AffineTransform.getTranslateInstance(
            Math.round(at.getTranslateX()), Math.round(at.getTranslateY())));
    g.drawImage(image, 0, 0, null);
    g.setTransform(at);
  }

  private static BufferedImage draw(
      java.util.Map<?, ?> hints,
      int width,
      int height,
      double sx,
      double sy,
      Consumer<Graphics2D> painter) {
    BufferedImage fresh =
        new BufferedImage(
            (int) Math.ceil(width * sx), (int) Math.ceil(height * sy), BufferedImage.TYPE_INT_RGB);
    Graphics2D ig = fresh.createGraphics();
    try {
      ig.addRenderingHints(hints);
      ig.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      ig.scale(sx, sy);
      painter.accept(ig);
    } finally {
      ig.dispose();
    }
    return fresh;
  }
}
