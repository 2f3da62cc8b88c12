package org.cnnexplainer.viz.training;

import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.swing.JPanel;
import javax.swing.ToolTipManager;
import org.cnnexplainer.viz.internal.BackgroundPicture;
import org.cnnexplainer.viz.internal.BackgroundPicture.Drawn;
import org.cnnexplainer.viz.internal.BackgroundPicture.Tip;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;

/**
 * Shows a JFreeChart made from an immutable content object, with the chart's tooltips. The chart is
 * built and drawn into a picture on a background thread ({@link BackgroundPicture}), so the event
 * thread only copies the picture: a live chart redrawn while training keeps both cores busy would
 * otherwise hold the event thread for tens of milliseconds. Each drawing builds its own chart, so
 * no JFreeChart object is ever shared between threads.
 *
 * @param <C> the content the chart is made from (immutable)
 */
final class ChartCanvas<C> extends JPanel {
  private final BackgroundPicture<C> picture;

  /** A canvas whose charts {@code chart} makes (on any thread, from the content alone). */
  ChartCanvas(Function<C, JFreeChart> chart) {
    picture = new BackgroundPicture<>(this, (content, w, h) -> draw(chart.apply(content), w, h));
    setOpaque(true);
    ToolTipManager.sharedInstance().registerComponent(this);
  }

  /** Shows {@code content} (event thread). */
  void show(C content) {
    picture.setContent(content);
  }

  /** {@code chart} drawn at {@code w x h}, with the tooltips of its items. */
  static Drawn draw(JFreeChart chart, int w, int h) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    ChartRenderingInfo info = new ChartRenderingInfo();
    Graphics2D g = image.createGraphics();
    try {
      chart.draw(g, new Rectangle2D.Double(0, 0, w, h), null, info);
    } finally {
      g.dispose();
    }
    List<Tip> tips = new ArrayList<>();
    EntityCollection entities = info.getEntityCollection();
    if (entities != null) {
      // Last drawn first, as JFreeChart looks them up.
      for (int i = entities.getEntityCount() - 1; i >= 0; i--) {
        ChartEntity entity = entities.getEntity(i);
        String text = entity.getToolTipText();
        if (text != null) {
          tips.add(new Tip(entity.getArea(), () -> text));
        }
      }
    }
    return new Drawn(image, tips);
  }

  @Override
  protected void paintComponent(Graphics g) {
    picture.paint(g);
  }

  @Override
  public String getToolTipText(MouseEvent e) {
    return picture.tipAt(e.getPoint());
  }
}
