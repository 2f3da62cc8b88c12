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
