package org.cnnexplainer.demo.lab;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.StateListener;
import org.cnnexplainer.viz.overview.NetworkOverview;
import org.cnnexplainer.viz.overview.OverviewKeys;

/**
 * The network overview of the probe image, redrawn from new weights while training runs. It shows a
 * {@link NetworkOverview} as one picture painted off screen: the overview draws a hundred small
 * heat-map images, and on an X11 screen each new image costs an upload of its own, which would keep
 * the event thread busy for tens of milliseconds on every update.
 */
final class ProbeView extends JPanel {
  private final ExplainerState state;
  private final NetworkOverview overview;
  private final StateListener listener = e -> invalidatePicture();
  private BufferedImage picture;

  ProbeView(ExplainerState state) {
    this.state = state;
    this.overview = new NetworkOverview(state);
    // Sharp cells: no smooth rescaling of every heat-map on every update.
    overview.putClientProperty(OverviewKeys.CRISP_PIXELS, true);
    setOpaque(true);
    getAccessibleContext().setAccessibleName("Probe image through the current weights");
  }

  NetworkOverview overview() {
    return overview;
  }

  @Override
  public void addNotify() {
    super.addNotify();
    overview.addNotify();
    state.addListener(listener);
  }

  @Override
  public void removeNotify() {
    state.removeListener(listener);
    overview.removeNotify();
    super.removeNotify();
  }

  @Override
  public void updateUI() {
    super.updateUI();
    if (overview != null) {
      overview.updateUI();
      invalidatePicture();
    }
  }

  private void invalidatePicture() {
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
      overview.setSize(w, h);
      overview.validate();
      BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      // Drawn once, then replaced: caching it on the screen's side would cost more than it saves.
      image.setAccelerationPriority(0);
      Graphics2D pg = image.createGraphics();
      try {
        overview.printAll(pg);
      } finally {
        pg.dispose();
      }
      picture = image;
    }
    g.drawImage(picture, 0, 0, null);
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(600, 360);
  }
}
