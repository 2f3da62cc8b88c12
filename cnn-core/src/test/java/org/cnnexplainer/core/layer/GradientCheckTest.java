package org.cnnexplainer.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.stream.Stream;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.kernel.Pass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference checks of every layer's backward pass: for {@code L = sum_i r_i * out_i} with
 * fixed random {@code r}, the analytic dL/dIn and dL/dParams must match central differences.
 */
class GradientCheckTest {
  private static final float EPS = 1e-2f;

  static Stream<Arguments> layers() {
    Random r = new Random(7);
    return Stream.of(
        Arguments.of(
            conv("conv valid 3x3", 2, 3, 3, 3, 1, 1, Padding.VALID, Activation.LINEAR, r),
            Shape.image(2, 7, 8)),
        Arguments.of(
            conv("conv same 3x3 relu", 2, 3, 3, 3, 1, 1, Padding.SAME, Activation.RELU, r),
            Shape.image(2, 6, 5)),
        Arguments.of(
            conv("conv stride 2 same", 3, 2, 3, 3, 2, 2, Padding.SAME, Activation.TANH, r),
            Shape.image(3, 7, 6)),
        Arguments.of(
            conv("conv stride 2x1 valid", 1, 2, 2, 3, 2, 1, Padding.VALID, Activation.SIGMOID, r),
            Shape.image(1, 7, 7)),
        Arguments.of(
            conv("conv 5x5 valid", 2, 2, 5, 5, 1, 1, Padding.VALID, Activation.LINEAR, r),
            Shape.image(2, 9, 9)),
        // Large enough for the Vector API training path when it is on (5 and 6 filters: a tile of
        // four and a rest). Fused relu is left to GradientTraceTest's directional checks: a weight
        // step here moves so many outputs that some cross the kink.
        Arguments.of(
            conv("conv valid 3x3 wide", 3, 5, 3, 3, 1, 1, Padding.VALID, Activation.LINEAR, r),
            Shape.image(3, 12, 13)),
        Arguments.of(
            conv("conv valid 2x3 wide", 2, 6, 2, 3, 1, 1, Padding.VALID, Activation.LINEAR, r),
            Shape.image(2, 13, 12)),
        // Padded stride-1 convolutions large enough for the Vector API path when it is on.
        Arguments.of(
            conv("conv same 3x3 wide", 3, 5, 3, 3, 1, 1, Padding.SAME, Activation.LINEAR, r),
            Shape.image(3, 12, 13)),
        // Fused activations whose slope needs the input: the backward pass recomputes it.
        Arguments.of(
            conv("conv fused swish", 2, 3, 3, 3, 1, 1, Padding.VALID, Activation.SWISH, r),
            Shape.image(2, 6, 5)),
        Arguments.of(
            conv("conv fused softmax", 2, 3, 3, 3, 1, 1, Padding.SAME, Activation.SOFTMAX, r),
            Shape.image(2, 4, 5)),
        Arguments.of(
            new Dense(
                "dense", random(r, Shape.of(6, 4)), random(r, Shape.vector(4)), Activation.TANH),
            Shape.vector(6)),
        Arguments.of(
            new Dense(
                "dense softplus",
                random(r, Shape.of(6, 4)),
                random(r, Shape.vector(4)),
                Activation.SOFTPLUS),
            Shape.vector(6)),
        Arguments.of(
            new BatchNormalization(
                "batch norm",
                random(r, Shape.vector(3)),
                random(r, Shape.vector(3)),
                random(r, Shape.vector(3)),
                Tensor.of(Shape.vector(3), 0.5f, 1.5f, 2f),
                1e-3f),
            Shape.image(3, 3, 4)),
        Arguments.of(
            new BatchNormalization(
                "batch norm vector",
                random(r, Shape.vector(4)),
                random(r, Shape.vector(4)),
                random(r, Shape.vector(4)),
                Tensor.of(Shape.vector(4), 0.5f, 1.5f, 2f, 1f),
                1e-3f),
            Shape.vector(4)),
        Arguments.of(
            new Dense(
                "dense softmax",
                random(r, Shape.of(5, 3)),
                random(r, Shape.vector(3)),
                Activation.SOFTMAX),
            Shape.vector(5)),
        Arguments.of(
            new Dense("dense no bias", random(r, Shape.of(5, 3)), null, Activation.LINEAR),
            Shape.vector(5)),
        Arguments.of(
            new Pooling2D("max valid", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID),
            Shape.image(2, 6, 6)),
        Arguments.of(
            new Pooling2D("max valid odd", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID),
            Shape.image(2, 7, 5)),
        Arguments.of(
            new Pooling2D("max same 3x3/2", Pooling2D.Type.MAX, 3, 3, 2, 2, Padding.SAME),
            Shape.image(2, 5, 5)),
        Arguments.of(
            new Pooling2D("avg same", Pooling2D.Type.AVERAGE, 2, 2, 2, 2, Padding.SAME),
            Shape.image(2, 5, 5)),
        Arguments.of(new ActivationLayer("relu", Activation.RELU), Shape.image(2, 3, 3)),
        Arguments.of(new ActivationLayer("sigmoid", Activation.SIGMOID), Shape.vector(7)),
        Arguments.of(new ActivationLayer("elu", Activation.ELU), Shape.vector(7)),
        Arguments.of(new ActivationLayer("selu", Activation.SELU), Shape.vector(7)),
        Arguments.of(new ActivationLayer("softplus", Activation.SOFTPLUS), Shape.vector(7)),
        Arguments.of(new ActivationLayer("softsign", Activation.SOFTSIGN), Shape.vector(7)),
        Arguments.of(new ActivationLayer("swish", Activation.SWISH), Shape.vector(7)),
        Arguments.of(new ActivationLayer("tanh", Activation.TANH), Shape.vector(7)),
        Arguments.of(new ActivationLayer("softmax", Activation.SOFTMAX), Shape.vector(6)),
        Arguments.of(
            new ActivationLayer("softmax image", Activation.SOFTMAX), Shape.image(3, 2, 2)),
        Arguments.of(new Flatten("flatten"), Shape.image(3, 2, 4)),
        Arguments.of(new Dropout("dropout", 0.4f), Shape.vector(20)));
  }

  private static Conv2D conv(
      String name,
      int in,
      int out,
      int kh,
      int kw,
      int sy,
      int sx,
      Padding padding,
      Activation activation,
      Random r) {
    return new Conv2D(
        name,
        random(r, Shape.of(out, in, kh, kw)),
        random(r, Shape.vector(out)),
        sy,
        sx,
        padding,
        activation);
  }

  private static Tensor random(Random r, Shape shape) {
    float[] v = new float[shape.size()];
    for (int i = 0; i < v.length; i++) {
      // Keep values away from 0 so that relu kinks are not crossed by the finite differences.
      float x = 0.1f + r.nextFloat();
      v[i] = r.nextBoolean() ? x : -x;
    }
    return Tensor.of(shape, v);
  }

  /**
   * Values at least 0.03 apart (more than 2 * EPS) and away from 0, so finite differences never
   * cross a relu kink or change which cell of a pooling window is the largest.
   */
  private static float[] distinct(Random r, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (0.1f + 0.03f * i) * (r.nextBoolean() ? 1 : -1);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return v;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void backwardMatchesFiniteDifferences(Layer layer, Shape inShape) {
    Random r = new Random(layer.name().hashCode());
    long seed = 12345;
    float[] in = distinct(r, inShape.size());
    Shape outShape = layer.outputShape(inShape);
    float[] weights = random(r, outShape).toArray();
    float[][] params = copies(layer.parameterArrays());
    float[] out = new float[outShape.size()];
    Pass forward = Pass.of(params, in, inShape, out, outShape).training(seed);
    layer.forward(forward);
    float[] gradOut = weights.clone();
    float[] gradIn = new float[in.length];
    int[] sizes = layer.gradientSizes(inShape);
    float[][] buffers = new float[sizes.length][];
    float[][] gradParams = new float[params.length][];
    for (int p = 0; p < sizes.length; p++) {
      buffers[p] = new float[sizes[p]];
      gradParams[p] = new float[params[p].length];
    }
    layer.backward(forward.withGradients(gradOut, gradIn, buffers));
    layer.reduceGradients(inShape, buffers, gradParams);

    assertArrayEquals(weights, gradOut, 0f, "the backward pass must leave gradOut unchanged");
    compare(layer, "input", in, gradIn, () -> loss(layer, params, in, inShape, weights, seed));
    for (int p = 0; p < params.length; p++) {
      compare(
          layer,
          "parameter " + p,
          params[p],
          gradParams[p],
          () -> loss(layer, params, in, inShape, weights, seed));
    }
  }

  private static float[][] copies(float[][] arrays) {
    float[][] copy = new float[arrays.length][];
    for (int i = 0; i < arrays.length; i++) {
      copy[i] = arrays[i].clone();
    }
    return copy;
  }

  private static double loss(
      Layer layer, float[][] params, float[] in, Shape inShape, float[] weights, long seed) {
    Shape outShape = layer.outputShape(inShape);
    float[] out = new float[outShape.size()];
    layer.forward(Pass.of(params, in, inShape, out, outShape).training(seed));
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      sum += (double) weights[i] * out[i];
    }
    return sum;
  }

  private static void compare(
      Layer layer,
      String what,
      float[] values,
      float[] analytic,
      java.util.function.DoubleSupplier loss) {
    double worst = 0;
    for (int i = 0; i < values.length; i++) {
      float saved = values[i];
      values[i] = saved + EPS;
      double plus = loss.getAsDouble();
      values[i] = saved - EPS;
      double minus = loss.getAsDouble();
      values[i] = saved;
      double numeric = (plus - minus) / (2 * EPS);
      double error = Math.abs(numeric - analytic[i]) / Math.max(1, Math.abs(numeric));
      worst = Math.max(worst, error);
      if (error > 2e-2) {
        fail(layer + " " + what + "[" + i + "]: analytic " + analytic[i] + ", numeric " + numeric);
      }
    }
    assertEquals(0, worst, 2e-2, layer + " " + what);
  }
}
