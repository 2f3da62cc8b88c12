package org.cnnexplainer.viz.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;

/** Tiny-VGG-shaped networks with seeded random weights, and smooth test images. */
public final class TestNetworks {
  private TestNetworks() {}

  /**
   * input -> [conv, relu, conv, relu, maxpool] x 2 -> flatten -> dense softmax, like the original.
   */
  public static Network tinyVgg(int channels, int height, int width, int filters, long seed) {
    Random random = new Random(seed);
    List<Layer> layers = new ArrayList<>();
    int c = channels;
    int h = height;
    int w = width;
    for (int block = 1; block <= 2; block++) {
      for (int i = 1; i <= 2; i++) {
        String suffix = "_" + block + "_" + i;
        layers.add(RandomTensors.conv3x3("conv" + suffix, c, filters, 0.1, random));
        layers.add(new ActivationLayer("relu" + suffix, Activation.RELU));
        c = filters;
        h -= 2;
        w -= 2;
      }
      layers.add(new Pooling2D("max_pool_" + block, Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID));
      h /= 2;
      w /= 2;
    }
    layers.add(new Flatten("flatten"));
    int inputs = c * h * w;
    layers.add(
        new Dense(
            "output",
            RandomTensors.gaussian(Shape.of(inputs, 10), Math.sqrt(2.0 / inputs), random),
            RandomTensors.gaussian(Shape.vector(10), 0.1, random),
            Activation.SOFTMAX));
    List<String> labels =
        List.of(
            "lifeboat",
            "ladybug",
            "pizza",
            "bell pepper",
            "school bus",
            "koala",
            "espresso",
            "red panda",
            "orange",
            "sport car");
    return new Network(
        "random-tiny-vgg-" + filters, Shape.image(channels, height, width), layers, labels);
  }

  /** A smooth image in [0, 1]: a bright disc on a gradient, different per channel and seed. */
  public static Tensor image(Shape shape, long seed) {
    Random random = new Random(seed);
    float[] values = new float[shape.size()];
    int h = shape.height();
    int w = shape.width();
    for (int c = 0; c < shape.channels(); c++) {
      double cx = w * (0.3 + 0.4 * random.nextDouble());
      double cy = h * (0.3 + 0.4 * random.nextDouble());
      double radius = Math.min(h, w) * (0.2 + 0.15 * random.nextDouble());
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double d = Math.hypot(x - cx, y - cy) / radius;
          double v = 0.25 + 0.4 * x / w + (d < 1 ? 0.35 * (1 - d * d) : 0);
          values[(c * h + y) * w + x] = (float) Math.max(0, Math.min(1, v));
        }
      }
    }
    return Tensor.of(shape, values);
  }
}
