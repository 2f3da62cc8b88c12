package org.cnnexplainer.core.explain;

import java.util.Arrays;
import java.util.List;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;

/** Tiny networks with hand-picked weights whose explanations can be worked out on paper. */
final class HandBuilt {
  private HandBuilt() {}

  /**
   * Input (2, 4, 4): channel 0 = 1..16 row-major, channel 1 = all ones. Layers:
   *
   * <ol start="0">
   *   <li>conv 3x3 valid, 2 filters, linear: filter 0 has channel-0 slice [[1, 0, -1], [0, 1, 0],
   *       [2, 0, 0]], channel-1 slice all 0.1, bias 0.5; filter 1 has centre weight -1 on channel 0
   *       and bias 6.5 -> (2, 2, 2)
   *   <li>relu -> (2, 2, 2)
   *   <li>max pool 2x2 same stride 2 -> (2, 1, 1)
   *   <li>flatten -> (2)
   *   <li>dense 2 -> 3 with kernel [[0.1, 0, -0.05], [0, 2, 1]], bias [0, 0, 0.5], softmax
   * </ol>
   */
  static ActivationTrace trace() {
    float[] k = new float[2 * 2 * 9];
    float[] f0c0 = {1, 0, -1, 0, 1, 0, 2, 0, 0};
    System.arraycopy(f0c0, 0, k, 0, 9);
    Arrays.fill(k, 9, 18, 0.1f);
    k[18 + 4] = -1;
    List<Layer> layers =
        List.of(
            new Conv2D(
                "conv",
                Tensor.of(Shape.of(2, 2, 3, 3), k),
                Tensor.of(Shape.vector(2), 0.5f, 6.5f),
                1,
                1,
                Padding.VALID,
                Activation.LINEAR),
            new ActivationLayer("relu", Activation.RELU),
            new Pooling2D("pool", Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.SAME),
            new Flatten("flatten"),
            new Dense(
                "output",
                Tensor.of(Shape.of(2, 3), 0.1f, 0, -0.05f, 0, 2, 1),
                Tensor.of(Shape.vector(3), 0, 0, 0.5f),
                Activation.SOFTMAX));
    Network net = new Network("hand", Shape.image(2, 4, 4), layers, List.of("a", "b", "c"));
    float[] in = new float[32];
    for (int i = 0; i < 16; i++) {
      in[i] = i + 1;
      in[16 + i] = 1;
    }
    return net.trace(Tensor.of(Shape.image(2, 4, 4), in));
  }

  /** A single layer on {@code input}, traced. */
  static ActivationTrace single(Layer layer, Tensor input) {
    return new Network("single", input.shape(), List.of(layer), null).trace(input);
  }

  /** (1, rows, cols) holding 0, 1, 2, ... row-major. */
  static Tensor ramp(int rows, int cols) {
    float[] v = new float[rows * cols];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    return Tensor.of(Shape.image(1, rows, cols), v);
  }
}
