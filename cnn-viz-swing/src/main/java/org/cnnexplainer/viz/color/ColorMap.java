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

  private ColorMap(String name, float[][] stops) {
    this.name = name;
    this.stops = stops;
  }

  /**
   * A B-spline colour map through {@code hexStops} (e.g. {@code "67001f"}), first at t = 0.
   *
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

  /** The same stops in reverse order ({@code t -> 1 - t}). */
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

  /** The map's name, e.g. {@code RdBu}. */
  public String name() {
    return name;
  }

  /** The exact colour at {@code t} as {@code 0xRRGGBB}; NaN counts as 0. */
  public int rgb(double t) {
    double tc = t > 0 ? Math.min(t, 1) : 0;
    return channel(0, tc) << 16 | channel(1, tc) << 8 | channel(2, tc);
  }

  /** The exact colour at {@code t}. */
  public Color color(double t) {
    return new Color(rgb(t));
  }

  private int channel(int c, double t) {
    float[] v = stops[c];
    int n = v.length - 1;
    int i = t >= 1 ? n - 1 : (int) Math.floor(t * n);
    double v1 = v[i];
    double v2 = v[i + 1];
    double v0 = i > 0 ? v[i - 1] : 2 * v1 - v2;
    double v3 = i < n - 1 ? v[i + 2] : 2 * v2 - v1;
    double value = basis((t - (double) i / n) * n, v0, v1, v2, v3);
    return (int) Math.max(0, Math.min(255, Math.round(value)));
  }

  /** Uniform cubic B-spline segment (d3-interpolate's {@code basis}). */
  private static double basis(double t1, double v0, double v1, double v2, double v3) {
    double t2 = t1 * t1;
    double t3 = t2 * t1;
    return ((1 - 3 * t1 + 3 * t2 - t3) * v0
            + (4 - 6 * t2 + 3 * t3) * v1
            + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2
            + t3 * v3)
        / 6;
  }

  @Override
  public String toString() {
    return "ColorMap " + name + " (" + stops[0].length + " stops)";
  }
}
