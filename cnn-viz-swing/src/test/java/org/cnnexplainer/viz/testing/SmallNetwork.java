package org.cnnexplainer.viz.testing;

import java.util.List;
import java.util.Random;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.testing.RandomTensors;

/**
 * A small network with known neurons, for pixel tests: input (3, 12, 16) (not square), conv_a with
 * 4 filters where filter 2 has a zero kernel and bias 0.7 (so its map is 0.7 everywhere), relu_a,
 * conv_b with larger weights where filter 1 has a zero kernel and bias -0.3, relu_b, a 2x2 max
 * pool, flatten and a 3-class softmax.
 */
public final class SmallNetwork {
  public static final int CONV_A = 0;
  public static final int RELU_A = 1;
  public static final int CONV_B = 2;
  public static final int POOL = 4;
  public static final int OUTPUT = 6;

  private SmallNetwork() {}

  public static Network create() {
    Random random = new Random(42);
    Conv2D convA = withConstantFilter("conv_a", 3, 4, 2, 0.7f, 1, random);
    Conv2D convB = withConstantFilter("conv_b", 4, 4, 1, -0.3f, 3, random);
    int flat = 4 * 4 * 6;
    Dense dense =
        new Dense(
            "output",
            RandomTensors.gaussian(Shape.of(flat, 3), 0.3, random),
            RandomTensors.gaussian(Shape.vector(3), 0.1, random),
            Activation.SOFTMAX);
    return new Network(
        "small",
        Shape.image(3, 12, 16),
        List.of(
            convA,
            new ActivationLayer("relu_a", Activation.RELU),
            convB,
            new ActivationLayer("relu_b", Activation.RELU),
            new Pooling2D("pool", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID),
            new Flatten("flatten"),
            dense),
        List.of("alpha", "beta", "gamma"));
  }

  private static Conv2D withConstantFilter(
      String name, int in, int out, int constant, float bias, double scale, Random random) {
    float[] kernel =
        RandomTensors.gaussian(Shape.of(out, in, 3, 3), scale * Math.sqrt(2.0 / (in * 9)), random)
            .toArray();
    java.util.Arrays.fill(kernel, constant * in * 9, (constant + 1) * in * 9, 0f);
    float[] biases = RandomTensors.gaussian(Shape.vector(out), 0.1, random).toArray();
    biases[constant] = bias;
    return new Conv2D(
        name,
        Tensor.of(Shape.of(out, in, 3, 3), kernel),
        Tensor.of(Shape.vector(out), biases),
        1,
        1,
        Padding.VALID,
        Activation.LINEAR);
  }

  /** Channel 0 is 0.25 everywhere; channels 1 and 2 are smooth patterns. */
  public static Tensor input(long seed) {
    Shape shape = Shape.image(3, 12, 16);
    float[] values = TestNetworks.image(shape, seed).toArray();
    java.util.Arrays.fill(values, 0, 12 * 16, 0.25f);
    return Tensor.of(shape, values);
  }
}
