package org.cnnexplainer.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.Padding;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.internal.Memory;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.Flatten;
import org.cnnexplainer.core.layer.Layer;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.core.tfjs.TfjsModel;

/** Untrained networks with Keras's default initialisation (Glorot-uniform kernels, zero biases). */
public final class Architectures {
  private Architectures() {}

  /**
   * {@return the original CNN Explainer's Tiny VGG: two blocks of {@code conv 3x3 (valid) -> relu
   * -> conv 3x3 -> relu -> max-pool 2x2}, then flatten and a softmax dense layer, with the
   * original's layer names ({@code conv_1_1, relu_1_1, conv_1_2, relu_1_2, max_pool_1, conv_2_1,
   * ..., max_pool_2, flatten, output})}
   *
   * @param input image shape {@code (channels, height, width)}; height and width at least 16
   * @param classLabels one label per output
   * @param filters filters per convolution (the original: 10)
   * @param seed initialisation seed
   */
  public static Network tinyVgg(Shape input, List<String> classLabels, int filters, long seed) {
    if (!input.isImage() || input.height() < 16 || input.width() < 16) {
      throw new IllegalArgumentException(
          "Tiny VGG needs a (channels, height, width) input of at least 16x16, got " + input);
    }
    if (filters < 1 || (long) filters * filters * 9 > TfjsModel.MAX_WEIGHT_VALUES) {
      throw new IllegalArgumentException(
          "filters must be between 1 and "
              + (int) Math.sqrt(TfjsModel.MAX_WEIGHT_VALUES / 9.0)
              + ", got "
              + filters);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Layer> layers = new ArrayList<>();
    int channels = input.channels();
    for (int block = 1; block <= 2; block++) {
      for (int conv = 1; conv <= 2; conv++) {
        String suffix = block + "_" + conv;
        layers.add(conv3x3("conv_" + suffix, channels, filters, random));
        layers.add(new ActivationLayer("relu_" + suffix, Activation.RELU));
        channels = filters;
      }
      layers.add(new Pooling2D("max_pool_" + block, Pooling2D.Type.MAX, 2, 2, 2, 2, Padding.VALID));
    }
    layers.add(new Flatten("flatten"));
    Network features = new Network("tiny-vgg", input, layers, null);
    int flat = features.outputShape().size();
    // A network the TF.js reader could not load back is refused before the dense layer, the
    // largest allocation, is made.
    long traced = input.size();
    for (int i = 0; i < layers.size(); i++) {
      long values = features.outputShape(i).size();
      traced += values;
      if (values > TfjsModel.MAX_ACTIVATION_VALUES || traced > TfjsModel.MAX_TRACE_VALUES) {
        throw new IllegalArgumentException(
            "layer "
                + layers.get(i).name()
                + " would output "
                + values
                + " values ("
                + traced
                + " with the layers before it), more than a model may have ("
                + TfjsModel.MAX_ACTIVATION_VALUES
                + " per layer, "
                + TfjsModel.MAX_TRACE_VALUES
                + " in all); use smaller images or fewer filters");
      }
    }
    int classes = classLabels.size();
    // Checked before allocating: large images and many classes make this the biggest layer.
    long weights = (long) flat * classes;
    if (weights > TfjsModel.MAX_WEIGHT_VALUES || 4 * weights > Memory.available()) {
      throw new IllegalArgumentException(
          "the output layer would need "
              + flat
              + " x "
              + classes
              + " = "
              + weights
              + " weights ("
              + Memory.mebibytes(4 * weights)
              + " MiB), more than "
              + (weights > TfjsModel.MAX_WEIGHT_VALUES
                  ? "a model can hold (" + TfjsModel.MAX_WEIGHT_VALUES + ")"
                  : "this Java can still allocate")
              + "; use smaller images or fewer filters");
    }
    float[] kernel = glorot(flat * classes, flat, classes, random);
    layers.add(
        new Dense(
            "output",
            Tensor.of(Shape.of(flat, classes), kernel),
            Tensor.zeros(Shape.vector(classes)),
            Activation.SOFTMAX));
    return new Network("tiny-vgg", input, layers, classLabels);
  }

  private static Conv2D conv3x3(String name, int in, int out, SplittableRandom random) {
    float[] kernel = glorot(out * in * 9, in * 9, out * 9, random);
    return new Conv2D(
        name,
        Tensor.of(Shape.of(out, in, 3, 3), kernel),
        Tensor.zeros(Shape.vector(out)),
        1,
        1,
        Padding.VALID,
        Activation.LINEAR);
  }

  /** Uniform in {@code +-sqrt(6 / (fanIn + fanOut))}. */
  static float[] glorot(int count, int fanIn, int fanOut, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
    }
    return values;
  }
}
