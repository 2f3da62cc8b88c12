package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.train.Dataset;
import org.cnnexplainer.core.train.FashionMnist;
import org.cnnexplainer.core.train.ImageFolderDataset;
import org.cnnexplainer.demo.io.FashionMnistFolder;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Resolves a {@code --data} value: {@code fashion-mnist} or a folder with one sub-folder per class.
 */
final class DataSources {
  static final String FASHION_MNIST = "fashion-mnist";

  private DataSources() {}

  /** Refuses an empty {@code --data} (it would read the current folder as the image folder). */
  static void requireDataArgument(CommandSpec spec, String data) {
    OptionChecks.require(
        spec, !data.isEmpty(), "--data must be fashion-mnist or a folder; got an empty value");
  }

  /** The image folder named by {@code --data}, or null for Fashion-MNIST. */
  static Path folder(String data) {
    return FASHION_MNIST.equals(data) ? null : Path.of(data);
  }

  /** Training images: Fashion-MNIST's 60,000, or every image of an image folder. */
  static Dataset training(String data, Path fashionDir, Shape folderShape) throws IOException {
    if (FASHION_MNIST.equals(data)) {
      return FashionMnist.training(FashionMnistFolder.of(fashionDir));
    }
    return ImageFolderDataset.read(Path.of(data), folderShape);
  }

  /**
   * Test images for a model with {@code classLabels}: Fashion-MNIST's 10,000, or the images of an
   * image folder whose sub-folders are named after the classes.
   */
  static Dataset test(String data, Path fashionDir, Shape folderShape, List<String> classLabels)
      throws IOException {
    if (FASHION_MNIST.equals(data)) {
      return FashionMnist.test(FashionMnistFolder.of(fashionDir));
    }
    return ImageFolderDataset.read(Path.of(data), folderShape, classLabels);
  }
}
