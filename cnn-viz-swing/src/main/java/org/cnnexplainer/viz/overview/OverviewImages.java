package org.cnnexplainer.viz.overview;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.SwingUtilities;
import org.cnnexplainer.viz.ExplainerState;

/**
 * Paints the overview of a state into an image without a window: PNG export, the {@code render}
 * command, benchmarks. Works in headless mode.
 */
public final class OverviewImages {
  /**
   * The largest picture {@link #render} paints: 2<sup>25</sup> pixels (128 MiB as RGB), e.g. 8192 x
   * 4096. A network with thousands of layers or channels would otherwise ask for gigabytes.
   */
  public static final long MAX_PIXELS = 1L << 25;

  private OverviewImages() {}

  /**
   * The overview of {@code state} at {@code width x height} (the image grows if the network needs
   * more room than that). Call on the event dispatch thread.
   *
   * @param state the state to show (its network, trace, selection, palette, ...)
   * @param width the image's width, in pixels, 1 or more
   * @param height the image's height, in pixels, 1 or more
   * @return a new RGB image of the overview, at least {@code width x height}
   * @throws IllegalStateException if called on another thread
   * @throws IllegalArgumentException if a size is not positive, or the picture would have more than
   *     {@link #MAX_PIXELS} pixels
   */
  public static BufferedImage render(ExplainerState state, int width, int height) {
    return render(new NetworkOverview(state), width, height);
  }

  /**
   * Paints {@code overview} (already configured, e.g. with client properties) into an image.
   *
   * @param overview the overview to paint; it is sized and laid out for the image
   * @param width the image's width, in pixels, 1 or more
   * @param height the image's height, in pixels, 1 or more
   * @return a new RGB image of the overview, at least {@code width x height} (larger when the
   *     network needs more room)
   * @throws IllegalStateException if called on another thread than the event dispatch thread
   * @throws IllegalArgumentException if a size is not positive, or the picture would have more than
   *     {@link #MAX_PIXELS} pixels
   */
  public static BufferedImage render(NetworkOverview overview, int width, int height) {
    if (!SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("render on the Swing event dispatch thread");
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "image size must be positive, got " + width + "x" + height);
    }
    overview.addNotify();
    try {
      overview.setSize(width, height);
      overview.validate();
      paintInto(overview, new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
      java.awt.Dimension needed = overview.getMinimumSize();
      int w = Math.max(width, needed.width);
      int h = Math.max(height, needed.height);
      if ((long) w * h > MAX_PIXELS) {
        throw new IllegalArgumentException(
            "the overview of this network needs "
                + w
                + "x"
                + h
                + " pixels, more than the "
                + MAX_PIXELS
                + " a picture may have");
      }
      overview.setSize(w, h);
      overview.validate();
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      paintInto(overview, image);
      return image;
    } finally {
      overview.removeNotify();
    }
  }

  static void paintInto(NetworkOverview overview, BufferedImage image) {
    Graphics2D g = image.createGraphics();
    try {
      overview.printAll(g);
    } finally {
      g.dispose();
    }
  }
}
