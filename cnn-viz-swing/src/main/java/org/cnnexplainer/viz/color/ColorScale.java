package org.cnnexplainer.viz.color;

/**
 * Maps a value to a colour through a {@link ColorMap}, as the original's scales do.
 *
 * <ul>
 *   <li>{@link #diverging(ColorMap, double)}: {@code t = (v + R/2) / R}, so {@code [-R/2, R/2]}
 *       spans the map and 0 sits in the middle.
 *   <li>{@link #gapped(ColorMap, double, double)}: {@code t = ((v + R/2) / R) * (1 - 2g) + g},
 *       which keeps the extremes {@code g} away from both ends of the map.
 *   <li>{@link #input(ColorMap)}: {@code t = 1 - v} for input pixels in [0, 1] (0 black, 1 white on
 *       Greys).
 * </ul>
 *
 * Immutable.
 */
public final class ColorScale {
  private final ColorMap map;
  private final double range;
  private final double gap;
  private final boolean inverted;

  private ColorScale(ColorMap map, double range, double gap, boolean inverted) {
    if (!(range > 0) || Double.isInfinite(range)) {
      throw new IllegalArgumentException("range must be positive and finite, got " + range);
    }
    if (!(gap >= 0 && gap < 0.5)) {
      throw new IllegalArgumentException("gap must be in [0, 0.5), got " + gap);
    }
    this.map = map;
    this.range = range;
    this.gap = gap;
    this.inverted = inverted;
  }

  /**
   * A diverging scale over {@code [-range/2, range/2]}.
   *
   * @param map the diverging map
   * @param range the width {@code R} of the value range, positive
   * @return the scale
   */
  public static ColorScale diverging(ColorMap map, double range) {
    return new ColorScale(map, range, 0, false);
  }

  /**
   * A diverging scale that leaves a {@code gap} (e.g. 0.2) at both ends of the map.
   *
   * @param map the diverging map
   * @param range the width {@code R} of the value range, positive
   * @param gap the part of the map left out at each end, in [0, 0.5)
   * @return the scale
   */
  public static ColorScale gapped(ColorMap map, double range, double gap) {
    return new ColorScale(map, range, gap, false);
  }

  /**
   * The input-pixel scale: {@code map(1 - v)}.
   *
   * @param map a sequential map
   * @return the scale for values in [0, 1]
   */
  public static ColorScale input(ColorMap map) {
    return new ColorScale(map, 1, 0, true);
  }

  /**
   * The map position {@code t} of {@code value} (not clamped).
   *
   * @param value a value
   * @return its position on the map, 0 to 1 for values in the range
   */
  public double position(double value) {
    if (inverted) {
      return 1 - value;
    }
    return ((value + range / 2) / range) * (1 - 2 * gap) + gap;
  }

  /**
   * The exact colour of {@code value} as {@code 0xRRGGBB}.
   *
   * @param value a value
   * @return the colour, {@code 0xRRGGBB}
   */
  public int rgb(double value) {
    return map.rgb(position(value));
  }

  /**
   * The range {@code R} (1 for input scales).
   *
   * @return the range
   */
  public double range() {
    return range;
  }

  /**
   * The colour map.
   *
   * @return the map
   */
  public ColorMap map() {
    return map;
  }
}
