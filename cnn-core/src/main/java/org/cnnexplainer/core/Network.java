package org.cnnexplainer.core;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.cnnexplainer.core.internal.LayerPasses;
import org.cnnexplainer.core.internal.ModuleAccess;
import org.cnnexplainer.core.kernel.Pass;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.core.layer.Dense;
import org.cnnexplainer.core.layer.InputLayer;
import org.cnnexplainer.core.layer.Layer;

/**
 * An immutable, thread-safe linear chain of {@link Layer}s with an input shape and class labels.
 *
 * <p>Layer indices follow the model file's layer list (for functional TF.js models that includes
 * the {@link InputLayer}). All output shapes are computed and checked when the network is built.
 *
 * <p>{@link #trace} runs the network forward and keeps every layer's output; {@link #gradients}
 * also runs it backward and keeps every gradient of a scalar {@link GradientTarget}. Any number of
 * threads may call them at once on one network; each call computes on its own arrays.
 */
public final class Network {
  private final String name;
  private final Shape inputShape;
  private final List<Layer> layers;
  private final List<Shape> outputShapes;
  private final List<String> classLabels;
  private final Map<String, Integer> indexByName;

  /**
   * A network.
   *
   * @param name the model's name, shown in titles and error messages
   * @param inputShape the shape of one input image, {@code (channels, height, width)}
   * @param layers the layers in order; their names must differ
   * @param classLabels one label per output value; {@code null} or empty gives {@code class 0 ..
   *     class n-1} when the output is a vector
   * @throws IllegalArgumentException if the layers cannot be chained from {@code inputShape}, two
   *     layers share a name, or the label count differs from the output size
   */
  public Network(String name, Shape inputShape, List<Layer> layers, List<String> classLabels) {
    this.name = Objects.requireNonNull(name, "name");
    this.inputShape = Objects.requireNonNull(inputShape, "inputShape");
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a network needs at least one layer");
    }
    this.layers = List.copyOf(layers);
    List<Shape> shapes = new ArrayList<>();
    Map<String, Integer> byName = new HashMap<>();
    Shape shape = inputShape;
    for (int i = 0; i < this.layers.size(); i++) {
      Layer layer = this.layers.get(i);
      if (byName.put(layer.name(), i) != null) {
        throw new IllegalArgumentException("two layers are named '" + layer.name() + "'");
      }
      try {
        shape = layer.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layer " + i + " (" + layer + "): " + e.getMessage(), e);
      }
      shapes.add(shape);
    }
    this.outputShapes = List.copyOf(shapes);
    this.indexByName = Map.copyOf(byName);
    this.classLabels = labelsFor(shape, classLabels);
  }

  private static List<String> labelsFor(Shape output, List<String> given) {
    if (given instanceof NumberedLabels numbered && numbered.size() == output.size()) {
      return numbered;
    }
    if (given != null && !given.isEmpty()) {
      if (given.size() != output.size()) {
        throw new IllegalArgumentException(
            given.size()
                + " class labels given, but the network has "
                + output.size()
                + " outputs");
      }
      return List.copyOf(given);
    }
    return new NumberedLabels(output.size());
  }

  /** {@code class 0 .. class n-1}, computed on demand: a model may declare millions of outputs. */
  private static final class NumberedLabels extends AbstractList<String> {
    private final int size;

    NumberedLabels(int size) {
      this.size = size;
    }

    @Override
    public String get(int index) {
      Objects.checkIndex(index, size);
      return "class " + index;
    }

    @Override
    public int size() {
      return size;
    }
  }

  /**
   * {@return the same network with other class labels}
   *
   * @param labels one label per output value; empty gives {@code class 0 .. class n-1}
   */
  public Network withClassLabels(List<String> labels) {
    return new Network(name, inputShape, layers, labels);
  }

  /**
   * This network with {@code newLayers} in place of its layers, keeping its name and labels; for
   * {@link NetworkEdit}, whose layers keep their names and shapes.
   */
  Network withLayers(List<Layer> newLayers) {
    return new Network(name, inputShape, newLayers, classLabels);
  }

  /** {@return the model's name (from the model file, or given)} */
  public String name() {
    return name;
  }

  /** {@return the shape of one input image, {@code (channels, height, width)}} */
  public Shape inputShape() {
    return inputShape;
  }

  /** {@return all layers in order} */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * {@return the layer {@code index}}
   *
   * @param index the layer's index, from 0 to {@code layers().size() - 1}
   */
  public Layer layer(int index) {
    return layers.get(index);
  }

  /**
   * The index of the layer called {@code layerName}.
   *
   * @param layerName a layer name from the model file, e.g. {@code conv_1_1}
   * @return the layer's index in {@link #layers()}, or empty when no layer has that name
   */
  public OptionalInt indexOf(String layerName) {
    Integer index = indexByName.get(layerName);
    return index == null ? OptionalInt.empty() : OptionalInt.of(index);
  }

  /** {@link #indexOf}, throwing {@code IllegalArgumentException} for an unknown name. */
  int requireIndexOf(String layerName) {
    return indexOf(layerName)
        .orElseThrow(() -> new IllegalArgumentException("no layer named '" + layerName + "'"));
  }

  /**
   * {@return the shape layer {@code index} produces}
   *
   * @param index the layer's index, from 0 to {@code layers().size() - 1}
   */
  public Shape outputShape(int index) {
    return outputShapes.get(index);
  }

  /** {@return the shape of the network's output} */
  public Shape outputShape() {
    return outputShapes.get(outputShapes.size() - 1);
  }

  /**
   * {@return the input shape of layer {@code index}: the previous layer's output, or the network
   * input}
   *
   * @param index the layer's index, from 0 to {@code layers().size() - 1}
   */
  public Shape inputShape(int index) {
    return index == 0 ? inputShape : outputShapes.get(index - 1);
  }

  /** {@return one label per output value} */
  public List<String> classLabels() {
    return classLabels;
  }

  /** {@return the total number of weights} */
  public long parameterCount() {
    return layers.stream().mapToLong(Layer::parameterCount).sum();
  }

  /**
   * Multiply-adds of one forward pass.
   *
   * @return the number of multiply-adds of one forward pass
   */
  public long multiplyAdds() {
    long total = 0;
    for (int i = 0; i < layers.size(); i++) {
      total += layers.get(i).multiplyAdds(inputShape(i));
    }
    return total;
  }

  /**
   * Runs the network and returns its output (for a classifier: the probabilities). Thread-safe.
   *
   * @param input one input image, shaped like {@link #inputShape()}
   * @return the network's output (for a classifier, the class probabilities)
   */
  public Tensor predict(Tensor input) {
    requireInput(input);
    Tensor x = input;
    for (Layer layer : layers) {
      x = layer.forward(x);
    }
    return x;
  }

  /**
   * Runs the network and keeps every layer's output, and the logits when it ends in a softmax.
   * Thread-safe: concurrent traces share nothing but the network's immutable weights.
   *
   * @param input one input image, shaped like {@link #inputShape()}
   * @return every layer's output for {@code input}, immutable
   */
  public ActivationTrace trace(Tensor input) {
    requireInput(input);
    Tensor[] outputs = new Tensor[layers.size()];
    Tensor logits = null;
    Tensor x = input;
    int last = layers.size() - 1;
    for (int i = 0; i <= last; i++) {
      Layer layer = layers.get(i);
      if (i == last && endsInDenseSoftmax()) {
        // One pass gives both: the layer leaves its softmax out, and the softmax of its output is
        // the network's output.
        float[] values = new float[outputShape().size()];
        ModuleAccess.layers()
            .forward(
                layer,
                Pass.of(
                        ModuleAccess.layers().parameterArrays(layer),
                        x.data,
                        x.shape,
                        values,
                        outputShape())
                    .beforeSoftmax());
        logits = Tensor.wrap(outputShape(), values);
        x = Activation.SOFTMAX.apply(logits);
      } else if (i < last && LayerPasses.reluFollowsLinearConvolution(layer, layers.get(i + 1))) {
        // The ReLU layer's output is written by the convolution's own output pass: one pass over
        // the activations fewer. Both are kept, as two layers.
        Shape shape = layer.outputShape(x.shape);
        float[] relu = new float[shape.size()];
        float[] conv = new float[shape.size()];
        ModuleAccess.layers()
            .forwardThenRelu(
                layer,
                Pass.of(ModuleAccess.layers().parameterArrays(layer), x.data, x.shape, conv, shape),
                relu);
        outputs[i] = Tensor.wrap(shape, conv);
        x = Tensor.wrap(shape, relu);
        i++;
      } else {
        x = layer.forward(x);
        if (i == last
            && layer instanceof ActivationLayer act
            && act.activation() == Activation.SOFTMAX) {
          logits = last == 0 ? input : outputs[last - 1];
        }
      }
      outputs[i] = x;
    }
    return new ActivationTrace(this, input, outputs, logits);
  }

  /**
   * Runs the network forward and backward: the gradient of {@code target}, a scalar computed from
   * the network's values, with respect to every layer's output, the input and every parameter. The
   * same as {@code trace(input).gradients(target)}; thread-safe like {@link #trace}.
   *
   * @param input one input image, shaped like {@link #inputShape()}
   * @param target the scalar whose gradient is wanted (a logit, a probability, a loss, a layer
   *     value)
   * @return the gradient of {@code target} with respect to the input, every layer's output and
   *     every parameter
   * @throws IllegalArgumentException if the input does not fit, or the target does not fit this
   *     network (see {@link GradientTarget})
   */
  public GradientTrace gradients(Tensor input, GradientTarget target) {
    return trace(input).gradients(target);
  }

  /** Whether the last layer is a Dense layer with a fused softmax (whose input are the logits). */
  boolean endsInDenseSoftmax() {
    return layers.get(layers.size() - 1) instanceof Dense dense
        && dense.activation() == Activation.SOFTMAX;
  }

  private void requireInput(Tensor input) {
    if (!input.shape().equals(inputShape)) {
      throw new IllegalArgumentException(
          "network '"
              + name
              + "' expects an input of shape "
              + inputShape
              + ", got "
              + input.shape());
    }
  }

  @Override
  public String toString() {
    return "Network '"
        + name
        + "' "
        + inputShape
        + " -> "
        + outputShape()
        + ", "
        + layers.size()
        + " layers";
  }
}
