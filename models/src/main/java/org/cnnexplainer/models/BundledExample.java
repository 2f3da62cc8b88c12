package org.cnnexplainer.models;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * An example image that travels with a bundled model.
 *
 * @param fileName the image's file name, e.g. {@code ankle_boot_1.png}
 * @param label the class it shows, exactly as the model's {@code labels.json} names it
 * @param url where the image is (inside the jar)
 */
public record BundledExample(String fileName, String label, URL url) {
  /**
   * Checks that no component is {@code null}.
   *
   * @param fileName the image's file name
   * @param label the class it shows
   * @param url where the image is
   */
  public BundledExample {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(url, "url");
  }

  /**
   * Reads the image; turn it into the network's input with {@code ImageInput.fromImage(image,
   * network.inputShape())}.
   *
   * @return the decoded image
   * @throws IOException if the image cannot be read or decoded
   */
  public BufferedImage read() throws IOException {
    BufferedImage image = ImageIO.read(url);
    if (image == null) {
      throw new IOException(url + ": not an image ImageIO can decode");
    }
    return image;
  }
}
