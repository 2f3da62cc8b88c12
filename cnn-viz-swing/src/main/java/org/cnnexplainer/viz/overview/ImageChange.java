package org.cnnexplainer.viz.overview;

/**
 * The image-change animation of the original (spec §2.8) as a pure function of time: old heat-maps
 * fade out over 300 ms (cubic-out), new ones fade in over the next 700 ms (cubic-in), output bars
 * grow from zero after a 500 ms delay over 800 ms (cubic-in). Total 1300 ms.
 */
final class ImageChange {
  static final int DURATION_MS = 1300;

  private ImageChange() {}

  /** Opacity of the previous image's heat-maps at {@code fraction} of the animation. */
  static double oldAlpha(double fraction) {
    double t = phase(fraction, 0, 300);
    return 1 - cubicOut(t);
  }

  /** Opacity of the new image's heat-maps (0 while the old ones fade out). */
  static double newAlpha(double fraction) {
    return cubicIn(phase(fraction, 300, 700));
  }

  /** Opacity of the first trace's heat-maps, fading in over the empty nodes in 700 ms. */
  static double firstAlpha(double fraction) {
    double t = phase(fraction, 0, 700);
    return t * t * (3 - 2 * t);
  }

  /** Scale of the output bars' widths. */
  static double barScale(double fraction) {
    return cubicIn(phase(fraction, 500, 800));
  }

  private static double phase(double fraction, double startMs, double lengthMs) {
    double ms = fraction * DURATION_MS;
    return Math.max(0, Math.min(1, (ms - startMs) / lengthMs));
  }

  private static double cubicIn(double t) {
    return t * t * t;
  }

  private static double cubicOut(double t) {
    double u = t - 1;
    return u * u * u + 1;
  }
}
