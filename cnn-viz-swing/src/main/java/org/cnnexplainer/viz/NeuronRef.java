package org.cnnexplainer.viz;

/**
 * One neuron of the overview: a channel (feature map) of an image layer, or one unit of a vector
 * layer.
 *
 * @param layer the network layer index, or {@link #INPUT} for the input image's channels
 * @param neuron the channel or unit index within that layer
 */
public record NeuronRef(int layer, int neuron) {
  /** The {@link #layer()} value of the input image's channels. */
  public static final int INPUT = -1;

  /**
   * Validates the indices.
   *
   * @param layer the layer index, or {@link #INPUT}
   * @param neuron the channel or unit index
   */
  public NeuronRef {
    if (layer < INPUT) {
      throw new IllegalArgumentException("layer must be >= -1 (input), got " + layer);
    }
    if (neuron < 0) {
      throw new IllegalArgumentException("neuron must be >= 0, got " + neuron);
    }
  }

  /**
   * Channel {@code channel} of the input image.
   *
   * @param channel the channel, 0 for red or gray
   * @return the neuron
   */
  public static NeuronRef input(int channel) {
    return new NeuronRef(INPUT, channel);
  }

  /**
   * Whether this is an input channel.
   *
   * @return true for the input image's channels
   */
  public boolean isInput() {
    return layer == INPUT;
  }
}
