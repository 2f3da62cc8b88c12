package org.cnnexplainer.viz.overview;

/**
 * The unfold animation as pure functions of its progress {@code p} in [0, 1] over {@link
 * #DURATION_MS} (spec §2.8): the columns move in the first 500 ms (cubic ease-in-out), the veil
 * fades in over 800 ms, the explanation fades in over the last 500 ms. Closing runs the same
 * timeline backwards: the explanation fades out first, then the columns move back, and the edges
 * return when the progress reaches 0.
 */
final class UnfoldTiming {
  /** Length of the whole animation. */
  static final int DURATION_MS = 1000;

  private UnfoldTiming() {}

  /** How far the columns have moved, 0 (folded) to 1 (in place), eased. */
  static double move(double p) {
    return easeInOut(phase(p, 0, 500));
  }

  /** Opacity of the veil over the columns that do not take part. */
  static double veil(double p) {
    return phase(p, 0, 800);
  }

  /** Opacity of the explanation drawn in the room. */
  static double content(double p) {
    return phase(p, 500, 500);
  }

  /** Cubic ease-in-out of {@code t} in [0, 1]. */
  static double easeInOut(double t) {
    return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
  }

  private static double phase(double p, double startMs, double lengthMs) {
    double ms = Math.max(0, Math.min(1, p)) * DURATION_MS;
    return Math.max(0, Math.min(1, (ms - startMs) / lengthMs));
  }
}
