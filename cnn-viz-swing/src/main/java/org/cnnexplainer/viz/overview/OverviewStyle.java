package org.cnnexplainer.viz.overview;

import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
import org.cnnexplainer.viz.internal.StyleDefaults;
import org.cnnexplainer.viz.internal.Surface;

/** Colours, fonts and sizes of one paint, resolved from {@link OverviewKeys} with defaults. */
record OverviewStyle(
    Color background,
    Color foreground,
    Color muted,
    Color edge,
    Color edgeHighlight,
    Color nodeBorder,
    Color selection,
    Color bar,
    Font font,
    float edgeWidth,
    int maxNodeSize,
    int minNodeSize,
    boolean crispPixels) {

  static OverviewStyle fromUIManager() {
    Color bg = Surface.background();
    Color fg = color(OverviewKeys.FOREGROUND, color("Label.foreground", Color.BLACK));
    Font base = StyleDefaults.font();
    return new OverviewStyle(
        bg,
        fg,
        color(OverviewKeys.MUTED_FOREGROUND, mix(bg, fg, 0.55)),
        color(OverviewKeys.EDGE_COLOR, mix(bg, fg, 0.10)),
        color(OverviewKeys.EDGE_HIGHLIGHT_COLOR, mix(bg, fg, 0.49)),
        color(OverviewKeys.NODE_BORDER_COLOR, mix(bg, fg, 0.49)),
        color(OverviewKeys.SELECTION_COLOR, new Color(33, 118, 214)),
        color(OverviewKeys.BAR_COLOR, mix(bg, fg, 0.40)),
        base,
        number(OverviewKeys.EDGE_WIDTH, 0.7f),
        (int) number(OverviewKeys.MAX_NODE_SIZE, 40),
        (int) number(OverviewKeys.MIN_NODE_SIZE, 10),
        Boolean.TRUE.equals(UIManager.get(OverviewKeys.CRISP_PIXELS)));
  }

  /** This style with crisp (nearest-neighbour) heat-map pixels. */
  OverviewStyle withCrispPixels() {
    return new OverviewStyle(
        background,
        foreground,
        muted,
        edge,
        edgeHighlight,
        nodeBorder,
        selection,
        bar,
        font,
        edgeWidth,
        maxNodeSize,
        minNodeSize,
        true);
  }

  /** {@code a} blended towards {@code b} by {@code amount} (opaque result). */
  static Color mix(Color a, Color b, double amount) {
    return StyleDefaults.mix(a, b, amount);
  }

  private static Color color(String key, Color fallback) {
    return StyleDefaults.color(key, fallback);
  }

  private static float number(String key, float fallback) {
    return UIManager.get(key) instanceof Number n ? n.floatValue() : fallback;
  }
}
