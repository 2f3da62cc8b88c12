package org.cnnexplainer.viz.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The colour maps against spec §2.6's reference values (d3-scale-chromatic's B-splines). */
class ColorMapTest {
  @ParameterizedTest(name = "{0}({1}) = rgb({2}, {3}, {4})")
  @CsvSource({
    "RdBu, 0, 103, 0, 31",
    "RdBu, 0.25, 228, 130, 104",
    "RdBu, 0.5, 242, 239, 238",
    "RdBu, 0.75, 107, 172, 208",
    "RdBu, 1, 5, 48, 97",
    "BrBG, 0.2, 188, 132, 53",
    "BrBG, 0.5, 238, 241, 234",
    "BrBG, 0.8, 57, 152, 143",
    "Greys, 0.5, 151, 151, 151",
    "Oranges, 0.2, 253, 216, 179",
    "Oranges, 1, 127, 39, 4"
  })
  void matchesReferenceValues(String name, double t, int r, int g, int b) {
    ColorMap map =
        switch (name) {
          case "RdBu" -> ColorMaps.RD_BU;
          case "BrBG" -> ColorMaps.BR_BG;
          case "Greys" -> ColorMaps.GREYS;
          default -> ColorMaps.ORANGES;
        };
    assertEquals(String.format("%06x", r << 16 | g << 8 | b), String.format("%06x", map.rgb(t)));
  }

  /** d3-interpolate's basis(), written out as d3 does, as an independent reference. */
  private static int d3Basis(String[] stops, double t) {
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      double[] v = new double[stops.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = (Integer.parseInt(stops[i], 16) >> shift) & 0xff;
      }
      int n = v.length - 1;
      int i = t <= 0 ? 0 : t >= 1 ? n - 1 : (int) Math.floor(t * n);
      double tc = Math.max(0, Math.min(1, t));
      double v1 = v[i];
      double v2 = v[i + 1];
      double v0 = i > 0 ? v[i - 1] : 2 * v1 - v2;
      double v3 = i < n - 1 ? v[i + 2] : 2 * v2 - v1;
      double t1 = (tc - (double) i / n) * n;
      double t2 = t1 * t1;
      double t3 = t2 * t1;
      double value =
          ((1 - 3 * t1 + 3 * t2 - t3) * v0
                  + (4 - 6 * t2 + 3 * t3) * v1
                  + (1 + 3 * t1 + 3 * t2 - 3 * t3) * v2
                  + t3 * v3)
              / 6;
      rgb = rgb << 8 | (int) Math.max(0, Math.min(255, Math.round(value)));
    }
    return rgb;
  }

  @Test
  void agreesWithD3sBasisFormulaEverywhere() {
    String[] rdBu = {
      "67001f", "b2182b", "d6604d", "f4a582", "fddbc7", "f7f7f7", "d1e5f0", "92c5de", "4393c3",
      "2166ac", "053061"
    };
    String[] oranges = {
      "fff5eb", "fee6ce", "fdd0a2", "fdae6b", "fd8d3c", "f16913", "d94801", "a63603", "7f2704"
    };
    int mismatches = 0;
    for (int k = 0; k <= 20000; k++) {
      double t = k / 20000.0;
      mismatches += ColorMaps.RD_BU.rgb(t) != d3Basis(rdBu, t) ? 1 : 0;
      mismatches += ColorMaps.ORANGES.rgb(t) != d3Basis(oranges, t) ? 1 : 0;
    }
    assertEquals(0, mismatches, "colours differing from d3's formula out of 40002");
  }

  @Test
  void endsAreTheFirstAndLastStopsAndTIsClamped() {
    assertEquals(0x67001f, ColorMaps.RD_BU.rgb(-3));
    assertEquals(0x053061, ColorMaps.RD_BU.rgb(7));
    assertEquals(0x67001f, ColorMaps.RD_BU.rgb(Double.NaN));
    assertEquals(0xffffff, ColorMaps.GREYS.rgb(0));
    assertEquals(0x000000, ColorMaps.GREYS.rgb(1));
  }

  @Test
  void reversedRunsBackwards() {
    ColorMap reversed = ColorMaps.RD_BU.reversed();
    for (double t = 0; t <= 1; t += 0.125) {
      assertEquals(ColorMaps.RD_BU.rgb(1 - t), reversed.rgb(t), "t = " + t);
    }
  }

  @Test
  void colorBlindSafeDivergingMapIsOrangeForNegativeAndPurpleForPositive() {
    int negative = ColorMaps.OR_PU.rgb(0);
    int positive = ColorMaps.OR_PU.rgb(1);
    assertEquals(0x7f3b08, negative);
    assertEquals(0x2d004b, positive);
    // Both arms must differ in lightness, not only in hue.
    assertTrue(luma(ColorMaps.OR_PU.rgb(0.25)) != luma(ColorMaps.OR_PU.rgb(0.75)));
  }

  @Test
  void rejectsBadStops() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ColorMap.spline("x", "fff", "000000"));
    assertTrue(e.getMessage().contains("stop 0"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ColorMap.spline("x", "000000"));
  }

  private static int luma(int rgb) {
    return (int) (0.3 * (rgb >> 16) + 0.59 * ((rgb >> 8) & 0xff) + 0.11 * (rgb & 0xff));
  }
}
