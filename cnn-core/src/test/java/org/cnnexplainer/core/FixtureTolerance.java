package org.cnnexplainer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The tolerance of the TF.js gradient fixtures ({@code shared/fixtures/attribution/README.md}):
 * each array against its own scale, {@code max |actual − expected| ≤ 1e-4 · max |expected|}.
 */
public final class FixtureTolerance {
  private FixtureTolerance() {}

  /** Asserts the tolerance; on failure names the worst difference and where it is. */
  public static void assertScaledClose(String what, float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length, what + " size");
    double scale = 0;
    for (float e : expected) {
      scale = Math.max(scale, Math.abs(e));
    }
    assertTrue(scale > 0, what + ": the fixture's array is all zeros");
    double worst = 0;
    int at = -1;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs((double) actual[i] - expected[i]);
      if (!(d <= worst)) {
        worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
        at = i;
      }
    }
    if (worst > 1e-4 * scale) {
      fail(
          what
              + ": max difference "
              + worst
              + " (tolerance "
              + 1e-4 * scale
              + ") at index "
              + at
              + ": expected "
              + expected[at]
              + ", got "
              + actual[at]);
    }
  }
}
