package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Font;
import org.cnnexplainer.viz.internal.StyleDefaults;
import org.cnnexplainer.viz.internal.Surface;
import org.cnnexplainer.viz.overview.OverviewKeys;

/**
 * Colours and fonts of one paint of an operation view, resolved from the {@code CnnViz.*} keys of
 * {@link OverviewKeys} (shared with the overview) with defaults from the look and feel.
 */
record OpStyle(
    Color background,
    Color foreground,
    Color muted,
    Color grid,
    Color highlight,
    Color pair,
    Font font) {

  static OpStyle fromUIManager() {
    Color bg = Surface.background();
    Color fg = color(OverviewKeys.FOREGROUND, color("Label.foreground", Color.BLACK));
    Font base = StyleDefaults.font();
    return new OpStyle(
        bg,
        fg,
        color(OverviewKeys.MUTED_FOREGROUND, mix(bg, fg, 0.55)),
        mix(bg, fg, 0.25),
        color(OverviewKeys.SELECTION_COLOR, new Color(33, 118, 214)),
        mix(bg, fg, 0.12),
        base.deriveFont(Font.PLAIN));
  }

  /** The selection colour (the open neuron's frame). */
  Color selectionOrGrid() {
    return highlight;
  }

  /** Whether the background is dark (text on it must be light). */
  boolean dark() {
    return luminance(background) < 0.5;
  }

  /** Black or white, whichever reads better on {@code fill}. */
  static Color textOn(Color fill) {
    return StyleDefaults.textOn(fill);
  }

  static double luminance(Color c) {
    return StyleDefaults.luminance(c);
  }

  /** {@code a} blended towards {@code b} by {@code amount} (opaque result). */
  static Color mix(Color a, Color b, double amount) {
    return StyleDefaults.mix(a, b, amount);
  }

  private static Color color(String key, Color fallback) {
    return StyleDefaults.color(key, fallback);
  }
}
