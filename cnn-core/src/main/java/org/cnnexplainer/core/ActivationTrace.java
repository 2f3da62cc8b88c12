package org.cnnexplainer.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Everything one forward pass computed: the input, every layer's output, the probabilities and,
 * when the network ends in a softmax, the logits. Immutable and safe to share between threads.
 */
public final class ActivationTrace {
  private final Network network;
  private final Tensor input;
  private final Tensor[] outputs;
  private final Tensor logits;

  ActivationTrace(Network network, Tensor input, Tensor[] outputs, Tensor logits) {
    this.network = network;
    this.input = input;
    this.outputs = outputs;
    this.logits = logits;
  }

  /**
   * The network that computed this trace.
   *
   * @return the network
   */
  public Network network() {
    return network;
  }

  /**
   * The input tensor.
   *
   * @return the input, shaped like the network's input
   */
  public Tensor input() {
    return input;
  }

  /**
   * Number of layer outputs (one per layer).
   *
   * @return the number of layers
   */
  public int size() {
    return outputs.length;
  }

  /**
   * The output of layer {@code index}.
   *
   * @param index the layer, 0 for the first
   * @return its output
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public Tensor output(int index) {
    return outputs[requireLayer(index)];
  }

  /**
   * The output of the layer called {@code layerName}.
   *
   * @param layerName the layer's name in the model file, such as {@code conv_1_1}
   * @return its output
   * @throws IllegalArgumentException if the network has no such layer
   */
  public Tensor output(String layerName) {
    return outputs[network.requireIndexOf(layerName)];
  }

  /**
   * The input that layer {@code index} received.
   *
   * @param index the layer, 0 for the first
   * @return the trace's input for layer 0, else the previous layer's output
   * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
   */
  public Tensor inputOf(int index) {
    return requireLayer(index) == 0 ? input : outputs[index - 1];
  }

  /** {@code index}, checked against the layer count (shared with {@link GradientTrace}). */
  int requireLayer(int index) {
    if (index < 0 || index >= outputs.length) {
      throw new IndexOutOfBoundsException(
          "layer "
              + index
              + " does not exist: network '"
              + network.name()
              + "' has layers 0 to "
              + (outputs.length - 1));
    }
    return index;
  }

  /**
   * The network's output; for a classifier, the class probabilities.
   *
   * @return the last layer's output
   */
  public Tensor probabilities() {
    return outputs[outputs.length - 1];
  }

  /**
   * The values fed into the final softmax (fused into the last Dense layer or a separate Activation
   * layer), or empty when the network does not end in a softmax.
   *
   * @return the logits, or empty
   */
  public Optional<Tensor> logits() {
    return Optional.ofNullable(logits);
  }

  /**
   * The first layer whose output holds a NaN or infinite value, or empty when every output is
   * finite. Finite weights can still overflow the float range (or divide zero by zero in a
   * softmax); the probabilities of such a trace mean nothing.
   *
   * @return the index of that layer, or empty
   */
  public OptionalInt firstNonFiniteLayer() {
    for (int i = 0; i < outputs.length; i++) {
      if (!isFinite(outputs[i])) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  /** True when every value of {@code tensor} is finite (min and max propagate NaN). */
  static boolean isFinite(Tensor tensor) {
    return Float.isFinite(tensor.min()) && Float.isFinite(tensor.max());
  }

  /**
   * Runs the network backward from this forward pass: the gradient of {@code target} with respect
   * to the input, every layer's output and every parameter. Thread-safe: concurrent calls share
   * nothing but this trace and the network, which are immutable.
   *
   * @param target the scalar to differentiate, such as a class's logit
   * @return the gradients
   * @throws IllegalArgumentException if the target does not fit the network (a class or index out
   *     of range, an unknown layer, logits of a network without a final softmax)
   */
  public GradientTrace gradients(GradientTarget target) {
    return GradientTrace.of(this, Objects.requireNonNull(target, "target"));
  }

  /**
   * The most probable class.
   *
   * @return the class with the highest probability (the lowest index on ties)
   */
  public ClassScore predicted() {
    return topK(1).get(0);
  }

  /**
   * The {@code k} most probable classes, most probable first (ties: lower index first); all classes
   * when {@code k} is larger than their number.
   *
   * @param k how many classes
   * @return at most {@code k} classes
   * @throws IllegalArgumentException if {@code k} is negative
   */
  public List<ClassScore> topK(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be 0 or more, was " + k);
    }
    Tensor p = probabilities();
    List<ClassScore> scores = new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      scores.add(new ClassScore(i, network.classLabels().get(i), p.at(i)));
    }
    scores.sort(
        Comparator.comparingDouble((ClassScore s) -> -s.probability())
            .thenComparingInt(ClassScore::index));
    return List.copyOf(scores.subList(0, Math.min(k, scores.size())));
  }
}
