package org.cnnexplainer.viz.attribution;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import javax.swing.JComponent;
import javax.swing.UIManager;
import org.cnnexplainer.viz.VizKeys;

/**
 * An attribution over its image, with a legend: a thin component that paints an {@link OverlayMap}
 * snapshot with {@link OverlayPainter}. The image keeps square pixels and fills the space left
 * above the legend. Colours come from the UI keys {@code CnnViz.attribution.background} and {@code
 * CnnViz.attribution.foreground} (defaults: the panel's background and the label's foreground), so
 * it works under any look and feel. Call on the event thread.
 *
 * @serial exclude
 */
public final class AttributionOverlay extends JComponent {
  private static final int MARGIN = 8;
  private OverlayMap map;
  private String caption = "";
  private Rectangle imageArea = new Rectangle();

  /** An empty overlay; {@link #setContent} gives it something to show. */
  public AttributionOverlay() {
    setOpaque(true);
  }

  /**
   * Shows {@code map} with {@code caption} under its legend, and repaints.
   *
   * @param map the map to show, or {@code null} to show nothing
   * @param caption the text under the legend (e.g. the method and class); {@code null} for none
   */
  public void setContent(OverlayMap map, String caption) {
    this.map = map;
    this.caption = caption == null ? "" : caption;
    repaint();
  }

  /** {@return the map shown, or empty before one is set (or after {@code setContent(null, …)})} */
  public Optional<OverlayMap> map() {
    return Optional.ofNullable(map);
  }

  /**
   * {@return where the image was painted last, in this component's coordinates (a copy; empty
   * before the first paint)}
   */
  public Rectangle imageArea() {
    return new Rectangle(imageArea);
  }

  /**
   * An accessible panel (a plain component has no accessible context), so that an application can
   * name it.
   *
   * @return the accessible context
   */
  @Override
  public javax.accessibility.AccessibleContext getAccessibleContext() {
    if (accessibleContext == null) {
      accessibleContext =
          new AccessibleJComponent() {
            @Override
            public javax.accessibility.AccessibleRole getAccessibleRole() {
              return javax.accessibility.AccessibleRole.PANEL;
            }
          };
    }
    return accessibleContext;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(280, 340);
  }

  static Color background() {
    Color c = UIManager.getColor(VizKeys.ATTRIBUTION_BACKGROUND);
    if (c == null) {
      c = UIManager.getColor("Panel.background");
    }
    return c != null ? c : Color.WHITE;
  }

  static Color foreground() {
    Color c = UIManager.getColor(VizKeys.ATTRIBUTION_FOREGROUND);
    if (c == null) {
      c = UIManager.getColor("Label.foreground");
    }
    return c != null ? c : Color.DARK_GRAY;
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(background());
      g.fillRect(0, 0, getWidth(), getHeight());
      if (map == null) {
        imageArea = new Rectangle();
        return;
      }
      g.setFont(OverlayPainter.font(getFont()));
      double legend = OverlayPainter.legendHeight(g.getFontMetrics());
      int availableWidth = getWidth() - 2 * MARGIN;
      int availableHeight = (int) (getHeight() - 3 * MARGIN - legend);
      // Whole screen pixels per image pixel when there is room, so that every pixel is a square.
      double scale =
          Math.min((double) availableWidth / map.width(), (double) availableHeight / map.height());
      if (scale >= 1) {
        scale = Math.floor(scale);
      }
      if (scale <= 0) {
        imageArea = new Rectangle();
        return;
      }
      int w = (int) Math.round(map.width() * scale);
      int h = (int) Math.round(map.height() * scale);
      int x = (getWidth() - w) / 2;
      imageArea = new Rectangle(x, MARGIN, w, h);
      OverlayPainter.paint(g, map, new Rectangle2D.Double(x, MARGIN, w, h));
      OverlayPainter.paintLegend(
          g, map, caption, x, MARGIN * 2 + h, Math.max(w, 120), foreground());
    } finally {
      g.dispose();
    }
  }
}
