package org.cnnexplainer.viz.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnfoldTimingTest {
  @Test
  void easingIsMonotoneFromZeroToOne() {
    assertEquals(0.0, UnfoldTiming.easeInOut(0));
    assertEquals(0.5, UnfoldTiming.easeInOut(0.5), 1e-12);
    assertEquals(1.0, UnfoldTiming.easeInOut(1));
    double last = 0;
    for (int i = 1; i <= 100; i++) {
      double v = UnfoldTiming.easeInOut(i / 100.0);
      assertTrue(v >= last);
      last = v;
    }
  }

  /** Spec §2.8: moves in the first 500 ms, veil over 800 ms, content over the last 500 ms. */
  @Test
  void phasesFollowTheOriginalsTimeline() {
    assertEquals(1.0, UnfoldTiming.move(0.5), 1e-12, "the columns have arrived at 500 ms");
    assertEquals(0.0, UnfoldTiming.content(0.5), 1e-12, "the content starts after the move");
    assertEquals(0.5, UnfoldTiming.content(0.75), 1e-12);
    assertEquals(0.5, UnfoldTiming.veil(0.4), 1e-12, "400 of 800 ms");
    assertEquals(1.0, UnfoldTiming.veil(0.8), 1e-12);
    for (double p : new double[] {0, 0.2, 0.6, 1}) {
      assertTrue(UnfoldTiming.content(p) <= UnfoldTiming.move(p), "content only after moving");
    }
    assertEquals(1000, UnfoldTiming.DURATION_MS);
  }
}
