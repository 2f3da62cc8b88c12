package org.cnnexplainer.viz.overview;

import java.util.Objects;
import org.cnnexplainer.viz.NeuronRef;

/**
 * An explanation that opens inside the overview (spec §1C, §1E, §1G): the overview moves its
 * columns to make room next to the neuron, veils the columns that do not take part, hides its edges
 * and hands the room to the explanation, which paints there in the overview's coordinates (see
 * {@link UnfoldGeometry}).
 *
 * @param kind what opens
 * @param neuron the neuron it explains: a convolution neuron, a class output, or an activation or
 *     pooling neuron
 */
public record Unfolding(Kind kind, NeuronRef neuron) {
  /** What opens, and so how much room it needs. */
  public enum Kind {
    /**
     * The convolution elastic view: the neuron's layer moves away from its input layer so that the
     * intermediate column, the plus sign and the bias fit between them.
     */
    CONVOLUTION,
    /**
     * The flatten elastic view of a class output: the layer feeding the output layer moves away
     * from it so that the flattened vector, its weight edges and the softmax box fit between them.
     */
    FLATTEN,
    /**
     * An element-wise layer (activation, pooling) and its input: nothing moves; every other column
     * is veiled and each neuron is paired with its source neuron.
     */
    PAIR
  }

  /**
   * Checks the arguments.
   *
   * @param kind what opens
   * @param neuron the neuron it explains (not the input layer)
   * @throws IllegalArgumentException if the neuron is an input pixel channel
   */
  public Unfolding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(neuron, "neuron");
    if (neuron.isInput()) {
      throw new IllegalArgumentException("an input channel has no explanation to unfold");
    }
  }
}
