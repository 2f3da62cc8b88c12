package org.cnnexplainer.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.ClassScore;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.TestNetworks;
import org.cnnexplainer.core.layer.Flatten;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-call classification gives what the trace of the converted image gives. */
class ImageClassifierTest {
  private static BufferedImage noise(int size, long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        image.setRGB(x, y, random.nextInt(0x1000000));
      }
    }
    return image;
  }

  @Test
  void classifiesAnImageAndItsFileAsTheTraceDoes(@TempDir Path dir) throws Exception {
    Network network = TestNetworks.tinyVgg(3, 16, 2, 5, 3);
    ImageClassifier classifier = new ImageClassifier(network);
    BufferedImage image = noise(40, 9); // not the input size: scaled and cropped
    Path file = dir.resolve("noise.png");
    ImageIO.write(image, "png", file.toFile());

    ActivationTrace expected = network.trace(ImageInput.fromImage(image, network.inputShape()));
    List<ClassScore> top = classifier.classify(image, 3);
    assertEquals(expected.topK(3), top);
    assertEquals(top, classifier.classify(file, 3), "a PNG holds the same pixels");
    assertEquals(5, classifier.classify(image, 50).size(), "all classes when k is larger");
    assertArrayEquals(
        expected.probabilities().toArray(), classifier.trace(file).probabilities().toArray());
  }

  @Test
  void badArgumentsAreRefusedWithAMessage(@TempDir Path dir) throws Exception {
    Network network = TestNetworks.tinyVgg(3, 16, 2, 5, 3);
    ImageClassifier classifier = new ImageClassifier(network);
    IllegalArgumentException k =
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(noise(16, 1), -2));
    assertEquals("k must be 0 or more, was -2", k.getMessage());

    Path text = Files.writeString(dir.resolve("not-an-image.png"), "hello");
    InvalidImageException notImage =
        assertThrows(InvalidImageException.class, () -> classifier.classify(text, 1));
    assertTrue(notImage.getMessage().contains("not-an-image.png"), notImage.getMessage());

    Network vectors =
        new Network(
            "flat", Shape.vector(4), List.of(new Flatten("f")), List.of("a", "b", "c", "d"));
    IllegalArgumentException notForImages =
        assertThrows(IllegalArgumentException.class, () -> new ImageClassifier(vectors));
    assertTrue(
        notForImages.getMessage().startsWith("network 'flat' takes"), notForImages.getMessage());
  }
}
