package org.cnnexplainer.core.testing;

import java.util.Random;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.Conv2D;

/**
 * Seeded random tensors and layers for the tests of every module (cnn-core's test-jar; the package
 * name is distinct from cnn-core's own packages, so the test-jar splits no package). Same random
 * source, same values.
 */
public final class RandomTensors {
  private RandomTensors() {}

  /** Values drawn from a normal distribution with mean 0 and standard deviation {@code std}. */
  public static Tensor gaussian(Shape shape, double std, Random random) {
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextGaussian() * std);
    }
    return Tensor.of(shape, values);
  }

  /** Values drawn uniformly from {@code [low, high)}. */
  public static Tensor uniform(Random random, Shape shape, float low, float high) {
    float[] values = new float[shape.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = low + (high - low) * random.nextFloat();
    }
    return Tensor.of(shape, values);
  }

  /** {@code n} values drawn uniformly from {@code [-1, 1)}, for the kernels' raw arrays. */
  public static float[] uniform(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextFloat() * 2 - 1;
    }
    return values;
  }

  /**
   * A 3x3 valid convolution with stride 1 and linear activation, He-initialised kernels and biases
   * of standard deviation {@code biasStd}.
   */
  public static Conv2D conv3x3(String name, int in, int out, double biasStd, Random random) {
    return new Conv2D(
        name,
        gaussian(Shape.of(out, in, 3, 3), Math.sqrt(2.0 / (in * 9)), random),
        gaussian(Shape.vector(out), biasStd, random),
        1,
        1,
        Padding.VALID,
        Activation.LINEAR);
  }
}
