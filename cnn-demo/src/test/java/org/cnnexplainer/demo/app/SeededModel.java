package org.cnnexplainer.demo.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;
import org.cnnexplainer.core.tfjs.TfjsModel;

/**
 * A Tiny-VGG-shaped network with seeded random weights (28x28x1 input, two conv-relu-conv-relu-pool
 * blocks of 4 channels, 10 classes), saved as a TF.js model folder with example PNGs named by
 * class. Its predictions mean nothing; the tests only need a real model with real numbers.
 */
final class SeededModel {
  static final List<String> LABELS =
      List.of(
          "t-shirt",
          "trouser",
          "pullover",
          "dress",
          "coat",
          "sandal",
          "shirt",
          "sneaker",
          "bag",
          "ankle boot");

  private SeededModel() {}

  static Network network(long seed) {
    return network(seed, 1);
  }

  /** The same network for {@code channels}-channel input images (1: grey, 3: RGB). */
  static Network network(long seed, int channels) {
    Random random = new Random(seed);
    return new Network(
        "seeded-tiny-vgg",
        Shape.image(channels, 28, 28),
        List.of(
            RandomTensors.conv3x3("conv_1_1", channels, 4, 0.05, random),
            new ActivationLayer("relu_1_1", Activation.RELU),
            RandomTensors.conv3x3("conv_1_2", 4, 4, 0.05, random),
            new ActivationLayer("relu_1_2", Activation.RELU),
            new Pooling2D("max_pool_1", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID),
            RandomTensors.conv3x3("conv_2_1", 4, 4, 0.05, random),
            new ActivationLayer("relu_2_1", Activation.RELU),
            RandomTensors.conv3x3("conv_2_2", 4, 4, 0.05, random),
            new ActivationLayer("relu_2_2", Activation.RELU),
            new Pooling2D("max_pool_2", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID),
            new Flatten("flatten"),
            new Dense(
                "output",
                RandomTensors.gaussian(Shape.of(4 * 4 * 4, 10), 0.4, random),
                RandomTensors.gaussian(Shape.vector(10), 0.1, random),
                Activation.SOFTMAX)),
        LABELS);
  }

  /** Saves the network to {@code dir} with {@code examples} example images; returns model.json. */
  static Path save(Path dir, long seed, int examples) throws IOException {
    TfjsModel.save(network(seed), dir);
    for (int i = 0; i < examples; i++) {
      String name = LABELS.get(i % LABELS.size()).replace(' ', '_') + "_1.png";
      ImageIO.write(image(seed + i), "png", dir.resolve(name).toFile());
    }
    return dir.resolve("model.json");
  }

  /** A 28x28 grey image of blobs, different for every seed. */
  static BufferedImage image(long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
    double cx = 6 + random.nextInt(16);
    double cy = 6 + random.nextInt(16);
    double r = 4 + random.nextInt(8);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        double d = Math.hypot(x - cx, y - cy);
        int v = (int) Math.max(0, Math.min(255, 255 * (1 - d / (2 * r)) + random.nextInt(30)));
        image.setRGB(x, y, v * 0x010101);
      }
    }
    return image;
  }

  static Path writeImage(Path file, long seed) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(image(seed), "png", file.toFile());
    return file;
  }
}
