package org.cnnexplainer.viz.color;

/**
 * How wide the colour range of a hidden layer's heat-maps is (the original's "colour scale level").
 *
 * <ul>
 *   <li>{@link #UNIT}: each convolution, dense or batch-normalisation layer gets {@code R = 2 *
 *       (0.1 + round3(max |output|))}; the activation and pooling layers after it reuse its range.
 *   <li>{@link #MODULE}: all layers of a module share the largest unit range in it; a module is the
 *       run of layers up to and including a pooling layer.
 *   <li>{@link #GLOBAL}: all hidden layers share the largest unit range of the network.
 * </ul>
 */
public enum RangeMode {
  /** One range per layer with weights, shared by the activation and pooling layers after it. */
  UNIT,
  /** One range per module (the layers up to and including a pooling layer). */
  MODULE,
  /** One range for every hidden layer of the network. */
  GLOBAL
}
