package org.cnnexplainer.demo.lab;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.cnnexplainer.core.Tensor;

/**
 * An image the Lab hands to the explainer.
 *
 * @param name a short name ("Shirt · cat/12.png")
 * @param description the tooltip: true class, prediction and probability
 * @param picture what the thumbnail shows
 * @param input the network's input tensor
 */
public record LabImage(String name, String description, BufferedImage picture, Tensor input) {
  /** Checks that nothing is missing. */
  public LabImage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(picture, "picture");
    Objects.requireNonNull(input, "input");
  }
}
