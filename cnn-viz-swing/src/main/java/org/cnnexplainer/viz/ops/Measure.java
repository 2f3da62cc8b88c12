package org.cnnexplainer.viz.ops;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A graphics for measuring text outside a paint (card sizes), with the same rendering hints as the
 * painters, so sizes match what is painted.
 */
final class Measure {
  private static final BufferedImage IMAGE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

  private Measure() {}

  /** A fresh graphics; dispose it after use. */
  static Graphics2D graphics() {
    Graphics2D g = IMAGE.createGraphics();
    Draw.setup(g);
    return g;
  }
}
