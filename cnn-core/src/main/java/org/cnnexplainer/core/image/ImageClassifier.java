package org.cnnexplainer.core.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;

/**
 * Classifies images with one call: an image file or a {@link BufferedImage} in, the most probable
 * classes out. Images are converted by {@link ImageInput} (its rules and limits apply). Immutable
 * and safe to share between threads, like the network.
 *
 * <pre>{@code
 * ImageClassifier classifier = new ImageClassifier(TfjsModel.load(Path.of("model.json")));
 * List<ClassScore> top3 = classifier.classify(Path.of("boot.png"), 3);
 * }</pre>
 */
public final class ImageClassifier {
  private final Network network;

  /**
   * A classifier running {@code network}.
   *
   * @param network a network whose input is an image: shape {@code (channels, height, width)} with
   *     1 or 3 channels
   * @throws IllegalArgumentException if the network's input is not such an image
   */
  public ImageClassifier(Network network) {
    this.network = Objects.requireNonNull(network, "network");
    Shape input = network.inputShape();
    if (!input.isImage() || (input.channels() != 1 && input.channels() != 3)) {
      throw new IllegalArgumentException(
          "network '"
              + network.name()
              + "' takes "
              + input
              + ", not an image (channels, height, width) with 1 or 3 channels");
    }
  }

  /**
   * The network this classifier runs.
   *
   * @return the network
   */
  public Network network() {
    return network;
  }

  /**
   * The {@code k} most probable classes of an image file, most probable first.
   *
   * @param imageFile a PNG, JPEG, GIF, BMP, WBMP or TIFF file
   * @param k how many classes; all of them when larger than their number
   * @return at most {@code k} classes with their probabilities
   * @throws InvalidImageException if the file is missing, not a readable image, or too large
   * @throws IOException if reading fails otherwise
   * @throws IllegalArgumentException if {@code k} is negative
   * @throws ArithmeticException if the network computes NaN or infinite values for this image
   */
  public List<ClassScore> classify(Path imageFile, int k) throws IOException {
    requireK(k);
    return trace(imageFile).topK(k);
  }

  /**
   * The {@code k} most probable classes of an image, most probable first.
   *
   * @param image the image, of any size (scaled and centre-cropped to the input)
   * @param k how many classes; all of them when larger than their number
   * @return at most {@code k} classes with their probabilities
   * @throws IllegalArgumentException if {@code k} is negative or the image's samples have no usable
   *     range
   * @throws ArithmeticException if the network computes NaN or infinite values for this image
   */
  public List<ClassScore> classify(BufferedImage image, int k) {
    requireK(k);
    return trace(image).topK(k);
  }

  /**
   * Every layer's output for an image file, for when the classes are not enough.
   *
   * @param imageFile a PNG, JPEG, GIF, BMP, WBMP or TIFF file
   * @return the trace
   * @throws InvalidImageException if the file is missing, not a readable image, or too large
   * @throws IOException if reading fails otherwise
   * @throws ArithmeticException if the network computes NaN or infinite values for this image
   */
  public ActivationTrace trace(Path imageFile) throws IOException {
    return finite(
        network.trace(ImageInput.fromFile(imageFile, network.inputShape())), imageFile.toString());
  }

  /**
   * Every layer's output for an image, for when the classes are not enough.
   *
   * @param image the image, of any size (scaled and centre-cropped to the input)
   * @return the trace
   * @throws IllegalArgumentException if the image's samples have no usable range
   * @throws ArithmeticException if the network computes NaN or infinite values for this image
   */
  public ActivationTrace trace(BufferedImage image) {
    return finite(network.trace(ImageInput.fromImage(image, network.inputShape())), "the image");
  }

  private static void requireK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be 0 or more, was " + k);
    }
  }

  /**
   * Probabilities computed from NaN or infinity mean nothing: refuse them rather than rank them.
   */
  private ActivationTrace finite(ActivationTrace trace, String input) {
    OptionalInt layer = trace.firstNonFiniteLayer();
    if (layer.isPresent()) {
      int index = layer.getAsInt();
      throw new ArithmeticException(
          "network '"
              + network.name()
              + "' computed non-finite values at layer "
              + index
              + " ("
              + network.layer(index).name()
              + ") for "
              + input
              + "; its weights overflow the float range");
    }
    return trace;
  }
}
