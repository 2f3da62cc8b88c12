package org.cnnexplainer.viz.ops;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Writes a PNG to the folder named by {@code -Dviz.shots=DIR}, if set. */
final class Shots {
  private Shots() {}

  static void save(BufferedImage image, String name) throws IOException {
    String dir = System.getProperty("viz.shots");
    if (dir != null) {
      new File(dir).mkdirs();
      ImageIO.write(image, "png", new File(dir, name + ".png"));
    }
  }
}
