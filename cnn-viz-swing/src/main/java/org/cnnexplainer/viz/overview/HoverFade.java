package org.cnnexplainer.viz.overview;

/**
 * The hover highlight of spec §2.8 as a pure function of time: the new hovered neuron's incoming
 * edges darken over 400 ms (cubic in-out), the previous one's fade back over 200 ms (cubic out).
 */
final class HoverFade {
  static final int DURATION_MS = 400;

  private HoverFade() {}

  /** Strength (0 = plain edge, 1 = highlighted) of the newly hovered neuron's edges. */
  static double in(double fraction) {
    double t = clamp(fraction);
    return t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
  }

  /** Strength of the previously hovered neuron's edges. */
  static double out(double fraction) {
    double t = clamp(fraction * DURATION_MS / 200.0);
    double u = t - 1;
    return 1 - (u * u * u + 1);
  }

  private static double clamp(double t) {
    return Math.max(0, Math.min(1, t));
  }
}
