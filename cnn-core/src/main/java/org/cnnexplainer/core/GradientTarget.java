package org.cnnexplainer.core;

import java.util.Objects;

/**
 * The scalar {@code S} a backward pass differentiates ({@link Network#gradients}): a class score,
 * the loss for a label, or a weighted sum of one layer's outputs. Immutable; a target names classes
 * and layers and is checked against a network when it is used.
 *
 * <ul>
 *   <li>{@link #logit}: the score of a class before the final softmax ("why this class?", as
 *       saliency maps and Grad-CAM use it).
 *   <li>{@link #probability}: the network's output value for a class (after the softmax).
 *   <li>{@link #loss}: the softmax cross-entropy {@code -log p_label}, what training minimises.
 *   <li>{@link #value}, {@link #channel}, {@link #weightedSum}: a linear combination of one layer's
 *       outputs, such as one neuron or a whole activation map ("what made this neuron fire?").
 * </ul>
 */
public final class GradientTarget {
  /** What the target is computed from. */
  enum Kind {
    LOGIT,
    PROBABILITY,
    LOSS,
    VALUE,
    CHANNEL,
    WEIGHTED_SUM
  }

  private final Kind kind;
  private final int index; // class, label, value index or channel
  private final String layer; // for the layer kinds
  private final Tensor weights; // for WEIGHTED_SUM

  private GradientTarget(Kind kind, int index, String layer, Tensor weights) {
    this.kind = kind;
    this.index = index;
    this.layer = layer;
    this.weights = weights;
  }

  /**
   * {@code S = z_c}, the logit of class {@code classIndex}: the input of the network's final
   * softmax. Needs a network that ends in a softmax (fused into its last Dense layer or a separate
   * Activation layer).
   */
  public static GradientTarget logit(int classIndex) {
    return new GradientTarget(Kind.LOGIT, requireIndex("classIndex", classIndex), null, null);
  }

  /**
   * {@code S = p_c}, the network's output value {@code classIndex} (for a classifier, after the
   * softmax).
   */
  public static GradientTarget probability(int classIndex) {
    return new GradientTarget(Kind.PROBABILITY, requireIndex("classIndex", classIndex), null, null);
  }

  /**
   * {@code S = -log p_label = log sum_j exp(z_j) - z_label}, the softmax cross-entropy of the
   * logits {@code z} for the true class {@code label}: the loss the trainer minimises, per image.
   * Needs a network that ends in a softmax.
   */
  public static GradientTarget loss(int label) {
    return new GradientTarget(Kind.LOSS, requireIndex("label", label), null, null);
  }

  /**
   * {@code S = out[index]}: one output value of layer {@code layerName}, by its flat index in this
   * library's order (as {@link Tensor#at}; for an image output {@code (c * H + y) * W + x}).
   */
  public static GradientTarget value(String layerName, int index) {
    return new GradientTarget(
        Kind.VALUE, requireIndex("index", index), requireName(layerName), null);
  }

  /**
   * {@code S = sum_{y,x} out[channel][y][x]}: the sum of one activation map of layer {@code
   * layerName}, whose output must be an image.
   */
  public static GradientTarget channel(String layerName, int channel) {
    return new GradientTarget(
        Kind.CHANNEL, requireIndex("channel", channel), requireName(layerName), null);
  }

  /**
   * {@code S = sum_i weights[i] * out[i]}: any linear combination of layer {@code layerName}'s
   * outputs; {@code weights} has the layer's output shape.
   */
  public static GradientTarget weightedSum(String layerName, Tensor weights) {
    return new GradientTarget(
        Kind.WEIGHTED_SUM, -1, requireName(layerName), Objects.requireNonNull(weights, "weights"));
  }

  private static int requireIndex(String what, int index) {
    if (index < 0) {
      throw new IllegalArgumentException(what + " must be at least 0, got " + index);
    }
    return index;
  }

  private static String requireName(String layerName) {
    if (layerName == null || layerName.isBlank()) {
      throw new IllegalArgumentException("a layer target needs a layer name");
    }
    return layerName;
  }

  Kind kind() {
    return kind;
  }

  int index() {
    return index;
  }

  /** The layer's name for the layer kinds, else null. */
  String layer() {
    return layer;
  }

  Tensor weights() {
    return weights;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GradientTarget other
        && kind == other.kind
        && index == other.index
        && Objects.equals(layer, other.layer)
        && Objects.equals(weights, other.weights);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, index, layer, weights);
  }

  /** What the target is, e.g. {@code logit of class 6} or {@code channel 2 of conv_1_1}. */
  @Override
  public String toString() {
    return switch (kind) {
      case LOGIT -> "logit of class " + index;
      case PROBABILITY -> "probability of class " + index;
      case LOSS -> "loss for label " + index;
      case VALUE -> "value " + index + " of " + layer;
      case CHANNEL -> "channel " + index + " of " + layer;
      case WEIGHTED_SUM -> "weighted sum of " + layer;
    };
  }
}
