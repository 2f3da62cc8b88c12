package org.cnnexplainer.viz.overview;

import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
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
    Font base = UIManager.getFont(OverviewKeys.FONT);
    if (base == null) {
      base = UIManager.getFont("Label.font");
    }
    if (base == null) {
      base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }
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
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * amount),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * amount),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * amount));
  }

  private static Color color(String key, Color fallback) {
    Color c = UIManager.getColor(key);
    // Plain colours: UIResource subclasses of some look and feels are fine, but alpha is dropped.
    return c == null ? fallback : new Color(c.getRGB() & 0xffffff);
  }

  private static float number(String key, float fallback) {
    return UIManager.get(key) instanceof Number n ? n.floatValue() : fallback;
  }
}
