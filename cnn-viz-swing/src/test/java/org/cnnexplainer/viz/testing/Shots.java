package org.cnnexplainer.viz.testing;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Writes a PNG to the folder named by {@code -Dviz.shots=DIR}, if set. */
public final class Shots {
  private Shots() {}

  public static void save(BufferedImage image, String name) throws IOException {
    String dir = System.getProperty("viz.shots");
    if (dir != null) {
      new File(dir).mkdirs();
      ImageIO.write(image, "png", new File(dir, name + ".png"));
    }
  }
}
