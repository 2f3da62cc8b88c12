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
   * {@return {@code S = z_c}, the logit of class {@code classIndex}: the input of the network's
   * final softmax} Needs a network that ends in a softmax (fused into its last Dense layer or a
   * separate Activation layer).
   *
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   */
  public static GradientTarget logit(int classIndex) {
    return new GradientTarget(Kind.LOGIT, requireIndex("classIndex", classIndex), null, null);
  }

  /**
   * {@return {@code S = p_c}, the network's output value {@code classIndex} (for a classifier,
   * after the softmax)}
   *
   * @param classIndex the class, from 0 to the number of classes - 1 (the network's output index)
   */
  public static GradientTarget probability(int classIndex) {
    return new GradientTarget(Kind.PROBABILITY, requireIndex("classIndex", classIndex), null, null);
  }

  /**
   * {@return {@code S = -log p_label = log sum_j exp(z_j) - z_label}, the softmax cross-entropy of
   * the logits {@code z} for the true class {@code label}: the loss the trainer minimises, per
   * image} Needs a network that ends in a softmax.
   *
   * @param label the true class, from 0
   */
  public static GradientTarget loss(int label) {
    return new GradientTarget(Kind.LOSS, requireIndex("label", label), null, null);
  }

  /**
   * {@return {@code S = out[index]}: one output value of layer {@code layerName}, by its flat index
   * in this library's order (as {@link Tensor#at}; for an image output {@code (c * H + y) * W +
   * x})}
   *
   * @param layerName a layer name from the model file, e.g. {@code conv_1_1}
   * @param index the element's flat index in the layer's output, from 0
   */
  public static GradientTarget value(String layerName, int index) {
    return new GradientTarget(
        Kind.VALUE, requireIndex("index", index), requireName(layerName), null);
  }

  /**
   * {@return {@code S = sum_{y,x} out[channel][y][x]}: the sum of one activation map of layer
   * {@code layerName}, whose output must be an image}
   *
   * @param layerName a layer name from the model file, e.g. {@code conv_1_1}
   * @param channel the channel (feature map), from 0
   */
  public static GradientTarget channel(String layerName, int channel) {
    return new GradientTarget(
        Kind.CHANNEL, requireIndex("channel", channel), requireName(layerName), null);
  }

  /**
   * {@return {@code S = sum_i weights[i] * out[i]}: any linear combination of layer {@code
   * layerName}'s outputs; {@code weights} has the layer's output shape}
   *
   * @param layerName a layer name from the model file, e.g. {@code conv_1_1}
   * @param weights one weight per element of the layer's output, shaped like it
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

  /**
   * This target's value and its gradient where the backward pass starts, for {@code trace}.
   *
   * @throws IllegalArgumentException if the target does not fit the trace's network
   */
  Seed seed(ActivationTrace trace) {
    return Seed.of(trace, this);
  }

  /**
   * Where the backward pass for a target starts: {@code gradient = dS/d(output of layer top)}
   * ({@code top = -1}: the input), or with {@code atLogits} the gradient at the logits inside the
   * last layer; and the value of {@code S}.
   */
  record Seed(int top, boolean atLogits, float[] gradient, float value) {

    static Seed of(ActivationTrace trace, GradientTarget target) {
      Network network = trace.network();
      int last = network.layers().size() - 1;
      return switch (target.kind()) {
        case LOGIT, LOSS -> atLogits(trace, target);
        case PROBABILITY -> {
          Tensor p = trace.probabilities();
          checkIndex("class", target.index(), p.size(), "the network's " + p.size() + " outputs");
          yield new Seed(last, false, oneHot(p.size(), target.index()), p.at(target.index()));
        }
        case VALUE, CHANNEL, WEIGHTED_SUM -> atLayer(trace, target);
      };
    }

    private static Seed atLogits(ActivationTrace trace, GradientTarget target) {
      Network network = trace.network();
      Tensor logits =
          trace
              .logits()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "network '"
                              + network.name()
                              + "' does not end in a softmax, so it has no logits for a "
                              + target
                              + "; use a probability or a layer value target"));
      int c = target.index();
      checkIndex("class", c, logits.size(), "the network's " + logits.size() + " classes");
      float[] z = logits.data;
      float[] gradient;
      float value;
      if (target.kind() == GradientTarget.Kind.LOGIT) {
        gradient = oneHot(z.length, c);
        value = z[c];
      } else {
        // d(log sum exp z - z_c)/dz = softmax(z) - onehot(c), computed in double from the logits.
        double max = Double.NEGATIVE_INFINITY;
        for (float v : z) {
          max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : z) {
          sum += Math.exp(v - max);
        }
        double logSumExp = max + Math.log(sum);
        gradient = new float[z.length];
        for (int j = 0; j < z.length; j++) {
          gradient[j] = (float) (Math.exp(z[j] - logSumExp) - (j == c ? 1 : 0));
        }
        value = (float) (logSumExp - z[c]);
      }
      int last = network.layers().size() - 1;
      if (network.endsInDenseSoftmax()) {
        return new Seed(last, true, gradient, value);
      }
      // A separate softmax layer: the logits are the output of the layer before it.
      return new Seed(last - 1, false, gradient, value);
    }

    private static Seed atLayer(ActivationTrace trace, GradientTarget target) {
      Network network = trace.network();
      int layer = network.requireIndexOf(target.layer());
      Tensor out = trace.output(layer);
      Shape shape = out.shape();
      String where = target.layer() + " output " + shape;
      float[] gradient = new float[shape.size()];
      double value = 0;
      switch (target.kind()) {
        case VALUE -> {
          checkIndex("index", target.index(), shape.size(), where);
          gradient[target.index()] = 1f;
          value = out.at(target.index());
        }
        case CHANNEL -> {
          if (!shape.isImage()) {
            throw new IllegalArgumentException(
                "a channel target needs an image output, but " + where + " is not one");
          }
          checkIndex("channel", target.index(), shape.channels(), where);
          int plane = shape.height() * shape.width();
          for (int i = target.index() * plane; i < (target.index() + 1) * plane; i++) {
            gradient[i] = 1f;
            value += out.data[i];
          }
        }
        default -> {
          Tensor weights = target.weights();
          if (!weights.shape().equals(shape)) {
            throw new IllegalArgumentException(
                "the weights of a weighted-sum target have shape "
                    + weights.shape()
                    + ", but "
                    + where
                    + " differs");
          }
          System.arraycopy(weights.data, 0, gradient, 0, gradient.length);
          for (int i = 0; i < gradient.length; i++) {
            value += (double) gradient[i] * out.data[i];
          }
        }
      }
      return new Seed(layer, false, gradient, (float) value);
    }

    private static float[] oneHot(int size, int index) {
      float[] v = new float[size];
      v[index] = 1f;
      return v;
    }

    private static void checkIndex(String what, int index, int size, String of) {
      if (index >= size) {
        throw new IllegalArgumentException(
            what + " " + index + " is out of range: " + of + " have indices 0.." + (size - 1));
      }
    }
  }
}
