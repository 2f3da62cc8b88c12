package org.cnnexplainer.demo.io;

import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.tfjs.InvalidModelException;

/** Which models the commands and the app can feed images to. */
public final class ImageModels {
  private ImageModels() {}

  /**
   * Refuses a network whose input is not an image the commands and the app can feed (a vector, or 2
   * or 4 channels), naming the model file.
   */
  public static void requireImageInput(Network network, Object modelName)
      throws InvalidModelException {
    Shape input = network.inputShape();
    if (!input.isImage() || (input.channels() != 1 && input.channels() != 3)) {
      throw new InvalidModelException(
          TerminalText.escape(modelName)
              + ": the model's input has shape "
              + input
              + "; images can only be fed to a (channels, height, width) input with 1 (gray) or 3"
              + " (RGB) channels");
    }
  }
}
