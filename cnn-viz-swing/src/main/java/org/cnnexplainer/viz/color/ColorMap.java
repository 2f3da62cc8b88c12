package org.cnnexplainer.viz.color;

import java.awt.Color;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A continuous colour map over {@code t} in [0, 1]: a uniform cubic B-spline through colour stops,
 * per RGB channel, exactly as d3's {@code interpolateRgbBasis} (which d3-scale-chromatic uses for
 * the ColorBrewer maps). The curve passes through the first and the last stop; interior stops are
 * smoothed. {@code t} is clamped to [0, 1] and each channel rounded to an integer.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColorMap {
  private final String name;
  private final float[][] stops; // [channel][stop] in 0..255
  private final double[][] coefficients; // [channel][4 * segment + power]: the spline as cubics
  private final int segments;

  private ColorMap(String name, float[][] stops) {
    this.name = name;
    this.stops = stops;
    this.segments = stops[0].length - 1;
    this.coefficients = new double[3][];
    for (int c = 0; c < 3; c++) {
      coefficients[c] = cubics(stops[c]);
    }
  }

  /**
   * The B-spline segments as polynomials {@code a0 + a1 u + a2 u^2 + a3 u^3} in the local
   * coordinate {@code u} in [0, 1], with d3's end conditions (virtual stops {@code 2 v0 - v1} and
   * {@code 2 vn - vn-1}).
   */
  private static double[] cubics(float[] v) {
    int n = v.length - 1;
    double[] k = new double[4 * n];
    for (int i = 0; i < n; i++) {
      double v1 = v[i];
      double v2 = v[i + 1];
      double v0 = i > 0 ? v[i - 1] : 2 * v1 - v2;
      double v3 = i < n - 1 ? v[i + 2] : 2 * v2 - v1;
      k[4 * i] = (v0 + 4 * v1 + v2) / 6;
      k[4 * i + 1] = (v2 - v0) / 2;
      k[4 * i + 2] = (v0 - 2 * v1 + v2) / 2;
      k[4 * i + 3] = (-v0 + 3 * v1 - 3 * v2 + v3) / 6;
    }
    return k;
  }

  /**
   * A B-spline colour map through {@code hexStops} (e.g. {@code "67001f"}), first at t = 0.
   *
   * @param name the name, e.g. {@code RdBu}
   * @param hexStops two or more colours as 6 hex digits
   * @return the map
   * @throws IllegalArgumentException with fewer than two stops or a stop that is not 6 hex digits
   */
  public static ColorMap spline(String name, String... hexStops) {
    Objects.requireNonNull(name, "name");
    if (hexStops.length < 2) {
      throw new IllegalArgumentException(
          "colour map '" + name + "' needs at least 2 stops, got " + hexStops.length);
    }
    float[][] stops = new float[3][hexStops.length];
    for (int i = 0; i < hexStops.length; i++) {
      String hex = hexStops[i];
      if (hex.length() != 6 || !hex.chars().allMatch(HexFormat::isHexDigit)) {
        throw new IllegalArgumentException(
            "colour map '" + name + "': stop " + i + " must be 6 hex digits, got '" + hex + "'");
      }
      int v = HexFormat.fromHexDigits(hex);
      stops[0][i] = (v >> 16) & 0xff;
      stops[1][i] = (v >> 8) & 0xff;
      stops[2][i] = v & 0xff;
    }
    return new ColorMap(name, stops);
  }

  /**
   * The same stops in reverse order ({@code t -> 1 - t}).
   *
   * @return the reversed map
   */
  public ColorMap reversed() {
    float[][] rev = new float[3][];
    for (int c = 0; c < 3; c++) {
      rev[c] = stops[c].clone();
      for (int i = 0, j = rev[c].length - 1; i < j; i++, j--) {
        float tmp = rev[c][i];
        rev[c][i] = rev[c][j];
        rev[c][j] = tmp;
      }
    }
    return new ColorMap(name + " (reversed)", rev);
  }

  /**
   * The map's name, e.g. {@code RdBu}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The exact colour at {@code t} as {@code 0xRRGGBB}; NaN counts as 0.
   *
   * @param t the position, clamped to [0, 1]
   * @return the colour, {@code 0xRRGGBB}
   */
  public int rgb(double t) {
    double tc = t > 0 ? Math.min(t, 1) : 0;
    int i = tc >= 1 ? segments - 1 : (int) (tc * segments);
    double u = tc * segments - i;
    int j = 4 * i;
    return channel(coefficients[0], j, u) << 16
        | channel(coefficients[1], j, u) << 8
        | channel(coefficients[2], j, u);
  }

  /**
   * The exact colour at {@code t}.
   *
   * @param t the position, clamped to [0, 1]
   * @return the colour
   */
  public Color color(double t) {
    return new Color(rgb(t));
  }

  private static int channel(double[] k, int j, double u) {
    double value = ((k[j + 3] * u + k[j + 2]) * u + k[j + 1]) * u + k[j];
    return value <= 0 ? 0 : value >= 255 ? 255 : (int) (value + 0.5);
  }

  @Override
  public String toString() {
    return "ColorMap " + name + " (" + stops[0].length + " stops)";
  }
}
