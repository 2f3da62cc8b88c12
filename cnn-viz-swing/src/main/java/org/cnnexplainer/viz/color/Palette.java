package org.cnnexplainer.viz.color;

/**
 * Which colour maps the views use for each kind of value.
 *
 * <ul>
 *   <li>{@link #CLASSIC}: the original's maps (RdBu activations, BrBG weights, Greys input, Oranges
 *       logits).
 *   <li>{@link #COLOR_BLIND_SAFE}: orange–purple (PuOr) for activations and weights and YlGnBu for
 *       logits; input stays Greys, which encodes only lightness. Choose it when red and blue, or
 *       brown and teal, are hard to tell apart.
 * </ul>
 */
public enum Palette {
  /**
   * The original's colours: RdBu, BrBG, Greys and Oranges (activations, weights, input, logits).
   */
  CLASSIC(ColorMaps.RD_BU, ColorMaps.BR_BG, ColorMaps.GREYS, ColorMaps.ORANGES),
  /** For viewers who confuse red and blue or brown and teal: PuOr, PuOr, Greys and YlGnBu. */
  COLOR_BLIND_SAFE(ColorMaps.OR_PU, ColorMaps.OR_PU, ColorMaps.GREYS, ColorMaps.YL_GN_BU);

  private final ColorMap activations;
  private final ColorMap weights;
  private final ColorMap input;
  private final ColorMap logits;

  Palette(ColorMap activations, ColorMap weights, ColorMap input, ColorMap logits) {
    this.activations = activations;
    this.weights = weights;
    this.input = input;
    this.logits = logits;
  }

  /**
   * Diverging map for hidden-layer activations.
   *
   * @return the map
   */
  public ColorMap activations() {
    return activations;
  }

  /**
   * Diverging map for kernels, biases and dense weights.
   *
   * @return the map
   */
  public ColorMap weights() {
    return weights;
  }

  /**
   * Sequential map for input channels (applied to {@code 1 - v}: 0 black, 1 white).
   *
   * @return the map
   */
  public ColorMap input() {
    return input;
  }

  /**
   * Sequential map for logits.
   *
   * @return the map
   */
  public ColorMap logits() {
    return logits;
  }
}
