package org.cnnexplainer.viz.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColorScaleTest {
  @Test
  void divergingMapsMinusHalfRangeToZeroAndHalfRangeToOne() {
    ColorScale scale = ColorScale.diverging(ColorMaps.RD_BU, 4);
    assertEquals(0, scale.position(-2), 1e-12);
    assertEquals(0.5, scale.position(0), 1e-12);
    assertEquals(1, scale.position(2), 1e-12);
    assertEquals(ColorMaps.RD_BU.rgb(0.75), scale.rgb(1));
  }

  @Test
  void gappedScaleKeepsTheGapAtBothEnds() {
    ColorScale scale = ColorScale.gapped(ColorMaps.BR_BG, 2, 0.2);
    assertEquals(0.2, scale.position(-1), 1e-12);
    assertEquals(0.8, scale.position(1), 1e-12);
    assertEquals(0x39988f, scale.rgb(1));
  }

  @Test
  void inputScaleIsGreysOfOneMinusValue() {
    ColorScale scale = ColorScale.input(ColorMaps.GREYS);
    assertEquals(0x000000, scale.rgb(0));
    assertEquals(0xffffff, scale.rgb(1));
    assertEquals(ColorMaps.GREYS.rgb(0.75), scale.rgb(0.25));
  }

  @Test
  void rejectsNonPositiveRangeAndBadGap() {
    assertThrows(IllegalArgumentException.class, () -> ColorScale.diverging(ColorMaps.RD_BU, 0));
    assertThrows(IllegalArgumentException.class, () -> ColorScale.gapped(ColorMaps.RD_BU, 1, 0.5));
  }
}
