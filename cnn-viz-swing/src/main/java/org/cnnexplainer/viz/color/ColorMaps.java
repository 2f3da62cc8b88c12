package org.cnnexplainer.viz.color;

/**
 * The ColorBrewer maps CNN Explainer uses, as d3-scale-chromatic 1.x interpolates them (see {@link
 * ColorMap}), plus colour-blind-safe alternatives.
 *
 * <p>Stops are listed from t = 0 to t = 1 exactly as d3 orders them: RdBu runs red (t = 0) through
 * near-white to blue (t = 1), so negative activations are red and positive ones blue.
 */
public final class ColorMaps {
  /** Red, near-white, blue: hidden-layer activations. */
  public static final ColorMap RD_BU =
      ColorMap.spline(
          "RdBu", "67001f", "b2182b", "d6604d", "f4a582", "fddbc7", "f7f7f7", "d1e5f0", "92c5de",
          "4393c3", "2166ac", "053061");

  /** Brown, near-white, blue-green: kernel weights, biases and dense weights. */
  public static final ColorMap BR_BG =
      ColorMap.spline(
          "BrBG", "543005", "8c510a", "bf812d", "dfc27d", "f6e8c3", "f5f5f5", "c7eae5", "80cdc1",
          "35978f", "01665e", "003c30");

  /** White to black: input channels (evaluated at {@code 1 - v}) and the output legend. */
  public static final ColorMap GREYS =
      ColorMap.spline(
          "Greys", "ffffff", "f0f0f0", "d9d9d9", "bdbdbd", "969696", "737373", "525252", "252525",
          "000000");

  /** Light to dark orange: logits. */
  public static final ColorMap ORANGES =
      ColorMap.spline(
          "Oranges", "fff5eb", "fee6ce", "fdd0a2", "fdae6b", "fd8d3c", "f16913", "d94801", "a63603",
          "7f2704");

  /**
   * Orange, near-white, purple (ColorBrewer PuOr reversed so that negative values are warm as in
   * RdBu): a diverging map that stays distinguishable under protanopia, deuteranopia and
   * tritanopia, because its two arms differ in blue content and lightness, not in red versus green.
   */
  public static final ColorMap OR_PU =
      ColorMap.spline(
              "PuOr", "2d004b", "542788", "8073ac", "b2abd2", "d8daeb", "f7f7f7", "fee0b6",
              "fdb863", "e08214", "b35806", "7f3b08")
          .reversed();

  /**
   * Light yellow to dark blue (ColorBrewer YlGnBu): a sequential map whose lightness changes
   * monotonically, readable with any colour-vision deficiency.
   */
  public static final ColorMap YL_GN_BU =
      ColorMap.spline(
          "YlGnBu", "ffffd9", "edf8b1", "c7e9b4", "7fcdbb", "41b6c4", "1d91c0", "225ea8", "253494",
          "081d58");

  private ColorMaps() {}
}
