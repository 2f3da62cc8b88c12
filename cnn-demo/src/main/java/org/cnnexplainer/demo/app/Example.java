package org.cnnexplainer.demo.app;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.cnnexplainer.core.Tensor;

/**
 * One image the strip offers: an example shipped with the model or an image the user added.
 *
 * @param name the file name (or "pasted image")
 * @param label what the tooltip calls it (the class for examples named by class)
 * @param original the image as read, for the thumbnail
 * @param input what the network sees: the image converted to the model's input shape
 */
record Example(String name, String label, BufferedImage original, Tensor input) {
  Example {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(input, "input");
  }

  /** The class a file name like {@code ankle_boot_2.png} names: "ankle boot". */
  static String labelOf(String fileName) {
    String stem = fileName.replaceFirst("\\.[^.]+$", "");
    stem = stem.replaceFirst("[_-]\\d+$", "");
    return stem.replace('_', ' ').replace('-', ' ').trim();
  }
}
