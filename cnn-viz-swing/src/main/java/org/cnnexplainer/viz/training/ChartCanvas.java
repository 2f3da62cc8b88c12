package org.cnnexplainer.viz.training;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import javax.swing.ToolTipManager;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;

/**
 * Shows a JFreeChart, drawn into an image in memory whenever the chart changes and copied to the
 * screen in one piece, with the chart's tooltips. (JFreeChart's own panel draws antialiased lines
 * straight onto the screen surface, which on X11 costs several times as much: too slow to redraw
 * live curves while training keeps both cores busy.)
 */
final class ChartCanvas extends JPanel {
  private final JFreeChart chart;
  private final ChartRenderingInfo info = new ChartRenderingInfo();
  private BufferedImage picture;

  ChartCanvas(JFreeChart chart) {
    this.chart = chart;
    setOpaque(true);
    chart.addChangeListener(e -> changed());
    ToolTipManager.sharedInstance().registerComponent(this);
  }

  /** Redraws on the next paint. */
  void changed() {
    picture = null;
    repaint();
  }

  @Override
  protected void paintComponent(Graphics g) {
    int w = getWidth();
    int h = getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    if (picture == null || picture.getWidth() != w || picture.getHeight() != h) {
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      // Drawn once, then replaced: caching it on the screen's side would cost more than it saves.
      image.setAccelerationPriority(0);
      Graphics2D g2 = image.createGraphics();
      try {
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h), null, info);
      } finally {
        g2.dispose();
      }
      picture = image;
    }
    g.drawImage(picture, 0, 0, null);
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    EntityCollection entities = info.getEntityCollection();
    if (entities == null) {
      return null;
    }
    ChartEntity entity = entities.getEntity(e.getX(), e.getY());
    return entity == null ? null : entity.getToolTipText();
  }
}
