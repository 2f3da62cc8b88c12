package org.cnnexplainer.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.BatchNormalization;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Dropout;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;

/**
 * Networks with seeded random weights for tests, built in code so tests do not depend on model
 * files. Same seed, same weights.
 */
public final class TestNetworks {
  private TestNetworks() {}

  /**
   * CNN Explainer's Tiny VGG layout for a {@code (channels, size, size)} input: two blocks of (3x3
   * valid conv with linear activation, separate ReLU) x 2 and a 2x2 max pool, then Flatten and a
   * Dense softmax classifier. Layer names are the original's ({@code conv_1_1}, {@code relu_1_1},
   * ..., {@code max_pool_2}, {@code flatten}, {@code output}).
   */
  public static Network tinyVgg(int channels, int size, int filters, int classes, long seed) {
    Random random = new Random(seed);
    List<Layer> layers = new ArrayList<>();
    int in = channels;
    int side = size;
    for (int block = 1; block <= 2; block++) {
      for (int conv = 1; conv <= 2; conv++) {
        String suffix = block + "_" + conv;
        layers.add(conv("conv_" + suffix, random, filters, in, 3, 3, 1, Padding.VALID, true, null));
        layers.add(new ActivationLayer("relu_" + suffix, Activation.RELU));
        in = filters;
        side -= 2;
      }
      layers.add(new Pooling2D("max_pool_" + block, Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID));
      side /= 2;
    }
    layers.add(new Flatten("flatten"));
    layers.add(dense("output", random, filters * side * side, classes, Activation.SOFTMAX));
    return new Network("tiny-vgg-" + seed, Shape.image(channels, size, size), layers, null);
  }

  /**
   * A small network with the less common configurations: {@code same} convolution with stride 2 and
   * fused ReLU, batch normalisation, {@code same} average pooling with stride 2, a 2x3 kernel
   * without bias and with fused sigmoid, {@code same} max pooling with stride 1, Dense tanh,
   * Dropout, and a linear Dense followed by a separate softmax Activation. Input {@code (3, 9, 8)}.
   */
  public static Network varied(long seed) {
    Random random = new Random(seed);
    List<Layer> layers = new ArrayList<>();
    // (3, 9, 8) -> (4, 5, 4): out = ceil(9/2) = 5, ceil(8/2) = 4
    layers.add(conv("conv_same_s2", random, 4, 3, 3, 3, 2, Padding.SAME, true, Activation.RELU));
    layers.add(
        new BatchNormalization(
            "batch_norm",
            RandomTensors.uniform(random, Shape.vector(4), 0.5f, 1.5f),
            RandomTensors.uniform(random, Shape.vector(4), -0.5f, 0.5f),
            RandomTensors.uniform(random, Shape.vector(4), -0.2f, 0.2f),
            RandomTensors.uniform(random, Shape.vector(4), 0.5f, 2f),
            0.001f));
    // (4, 5, 4) -> (4, 3, 2)
    layers.add(new Pooling2D("avg_pool", Pooling2D.Type.AVERAGE, 2, 2, 2, 2, Padding.SAME));
    // (4, 3, 2) -> (3, 3, 2)
    layers.add(conv("conv_2x3", random, 3, 4, 2, 3, 1, Padding.SAME, false, Activation.SIGMOID));
    layers.add(new Pooling2D("max_pool", Pooling2D.Type.MAX, 3, 3, 1, 1, Padding.SAME));
    layers.add(new Flatten("flatten"));
    layers.add(dense("hidden", random, 18, 5, Activation.TANH));
    layers.add(new Dropout("dropout", 0.25f));
    layers.add(dense("logits", random, 5, 4, Activation.LINEAR));
    layers.add(new ActivationLayer("softmax", Activation.SOFTMAX));
    return new Network("varied-" + seed, Shape.image(3, 9, 8), layers, null);
  }

  /** A seeded input for {@code network}, uniform in [0, 1) like a normalised image. */
  public static Tensor randomInput(Network network, long seed) {
    return RandomTensors.uniform(new Random(seed), network.inputShape(), 0f, 1f);
  }

  private static Conv2D conv(
      String name,
      Random random,
      int filters,
      int inChannels,
      int kh,
      int kw,
      int stride,
      Padding padding,
      boolean useBias,
      Activation activation) {
    float limit = (float) Math.sqrt(6.0 / (inChannels * kh * kw + filters));
    return new Conv2D(
        name,
        RandomTensors.uniform(random, Shape.of(filters, inChannels, kh, kw), -limit, limit),
        useBias ? RandomTensors.uniform(random, Shape.vector(filters), -0.1f, 0.1f) : null,
        stride,
        stride,
        padding,
        activation == null ? Activation.LINEAR : activation);
  }

  private static Dense dense(
      String name, Random random, int inputs, int units, Activation activation) {
    float limit = (float) Math.sqrt(6.0 / (inputs + units));
    return new Dense(
        name,
        RandomTensors.uniform(random, Shape.of(inputs, units), -limit, limit),
        RandomTensors.uniform(random, Shape.vector(units), -0.1f, 0.1f),
        activation);
  }
}
