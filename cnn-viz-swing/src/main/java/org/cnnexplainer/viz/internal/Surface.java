package org.cnnexplainer.viz.internal;

import java.awt.Color;
import javax.swing.UIManager;

/**
 * The colour the overview and the operation views paint on: {@code CnnViz.background} when set;
 * otherwise white under a light look and feel (the heat-maps' near-zero colour, rgb 242 239 238, is
 * almost FlatLaf's light grey, so maps would melt into a grey page) and the look and feel's panel
 * colour under a dark one.
 */
public final class Surface {
  private Surface() {}

  /** The background for one paint. */
  public static Color background() {
    Color set = UIManager.getColor("CnnViz.background");
    if (set != null) {
      return new Color(set.getRGB() & 0xffffff);
    }
    Color panel = UIManager.getColor("Panel.background");
    if (panel == null) {
      return Color.WHITE;
    }
    return StyleDefaults.luminance(panel) > 0.5
        ? Color.WHITE
        : new Color(panel.getRGB() & 0xffffff);
  }
}
