package org.cnnexplainer.viz.internal;

import java.awt.Color;
import java.awt.Font;
import javax.swing.UIManager;
import org.cnnexplainer.viz.overview.OverviewKeys;

/**
 * What the styles of the overview, the operation views and the training views share: colour
 * arithmetic, and colours and the font from the UI defaults.
 */
public final class StyleDefaults {
  private StyleDefaults() {}

  /** Relative luminance in [0, 1] (Rec. 709 weights, without gamma). */
  public static double luminance(Color c) {
    return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
  }

  /** Black or white, whichever reads better on {@code fill}. */
  public static Color textOn(Color fill) {
    return luminance(fill) < 0.45 ? Color.WHITE : Color.BLACK;
  }

  /** {@code a} blended towards {@code b} by {@code amount} (opaque result). */
  public static Color mix(Color a, Color b, double amount) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * amount),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * amount),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * amount));
  }

  /**
   * The UI default {@code key} as a plain opaque colour (the look and feel's {@code UIResource}
   * subclasses are fine, but alpha is dropped), or {@code fallback} when it is not set.
   */
  public static Color color(String key, Color fallback) {
    Color c = UIManager.getColor(key);
    return c == null ? fallback : new Color(c.getRGB() & 0xffffff);
  }

  /** The font the views use: {@code CnnViz.font}, else the look and feel's label font. */
  public static Font font() {
    Font base = UIManager.getFont(OverviewKeys.FONT);
    if (base == null) {
      base = UIManager.getFont("Label.font");
    }
    if (base == null) {
      base = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }
    return base;
  }
}
