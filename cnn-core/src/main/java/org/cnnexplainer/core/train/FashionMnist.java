package org.cnnexplainer.core.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando, MIT licence): 28x28 grey images of 10 kinds of clothing, 60,000 for
 * training and 10,000 for testing, as four IDX files. Debian's {@code dataset-fashion-mnist}
 * package installs them in {@link #DEFAULT_DIRECTORY}.
 */
public final class FashionMnist {
  /** Where Debian puts the files. */
  public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

  /** The class names in label order. */
  public static final List<String> CLASS_LABELS =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private FashionMnist() {}

  /**
   * {@return the 60,000 training images from {@code directory}}
   *
   * @param directory the folder holding the four Fashion-MNIST IDX files (e.g. {@code
   *     /usr/share/datasets/fashion-mnist})
   * @throws java.io.IOException if a file is missing, unreadable or not in the IDX format
   */
  public static Dataset training(Path directory) throws IOException {
    return read(directory, "train");
  }

  /**
   * {@return the 10,000 test images from {@code directory}}
   *
   * @param directory the folder holding the four Fashion-MNIST IDX files (e.g. {@code
   *     /usr/share/datasets/fashion-mnist})
   * @throws java.io.IOException if a file is missing, unreadable or not in the IDX format
   */
  public static Dataset test(Path directory) throws IOException {
    return read(directory, "t10k");
  }

  private static Dataset read(Path directory, String prefix) throws IOException {
    return IdxReader.read(
        file(directory, prefix + "-images-idx3-ubyte"),
        file(directory, prefix + "-labels-idx1-ubyte"),
        CLASS_LABELS);
  }

  /** The gzip file when present, else the uncompressed one. */
  private static Path file(Path directory, String name) {
    Path gz = directory.resolve(name + ".gz");
    return java.nio.file.Files.exists(gz) ? gz : directory.resolve(name);
  }
}
