package org.cnnexplainer.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.tfjs.TfjsModel;
import org.junit.jupiter.api.Test;

/**
 * The committed model {@code models/tiny-vgg-fashion} on the real Fashion-MNIST test set (Debian's
 * {@code dataset-fashion-mnist}). The accuracy is computed here, never read from a file.
 */
class BundledModelTest {
  private static final Path MODEL = Path.of("..", "models", "tiny-vgg-fashion");
  private static final double REQUIRED_ACCURACY = 0.90;

  static Path fashionMnist() {
    String env = System.getenv("CNN_FASHION_MNIST_DIR");
    Path dir = env != null && !env.isBlank() ? Path.of(env) : FashionMnist.DEFAULT_DIRECTORY;
    assumeTrue(
        Files.isDirectory(dir),
        "Fashion-MNIST is not installed in "
            + dir
            + "; run `apt-get install dataset-fashion-mnist` (or set CNN_FASHION_MNIST_DIR)");
    return dir;
  }

  @Test
  void readsTheRealFashionMnistFiles() throws IOException {
    Path dir = fashionMnist();
    Dataset training = FashionMnist.training(dir);
    Dataset test = FashionMnist.test(dir);
    assertEquals(60_000, training.size());
    assertEquals(10_000, test.size());
    assertEquals(Shape.image(1, 28, 28), test.imageShape());
    Integer[] sixThousand = new Integer[10];
    Arrays.fill(sixThousand, 6000);
    assertEquals(List.of(sixThousand), training.classCounts());
  }

  @Test
  void bundledTinyVggClassifiesAtLeastNinetyPercentOfTheTestSet() throws IOException {
    Path dir = fashionMnist();
    Network network = TfjsModel.load(MODEL.resolve("model.json"));
    assertEquals(FashionMnist.CLASS_LABELS, network.classLabels());
    assertEquals(
        List.of(
            "conv_1_1",
            "relu_1_1",
            "conv_1_2",
            "relu_1_2",
            "max_pool_1",
            "conv_2_1",
            "relu_2_1",
            "conv_2_2",
            "relu_2_2",
            "max_pool_2",
            "flatten",
            "output"),
        network.layers().stream().map(l -> l.name()).filter(n -> !n.startsWith("input")).toList());
    Evaluation evaluation =
        Evaluation.of(network, FashionMnist.test(dir), Runtime.getRuntime().availableProcessors());
    assertEquals(10_000, evaluation.count());
    assertTrue(
        evaluation.accuracy() >= REQUIRED_ACCURACY,
        String.format(
            Locale.ROOT,
            "test accuracy %.4f is below %.2f",
            evaluation.accuracy(),
            REQUIRED_ACCURACY));
  }
}
