package org.cnnexplainer.demo.app;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Toolkit;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Paints a little of what the first frame paints (antialiased curves and text in the label fonts,
 * translucent fills, scaled images) into an image on a background thread while the event thread
 * sets up the look and feel and the window: on a cold JVM the first use of each takes tens of
 * milliseconds (class loading, font and rasteriser set-up), which otherwise lands on the first
 * frame.
 */
final class Warmup {
  private Warmup() {}

  /** Starts the warm-up on a daemon thread (not without a display). */
  static void start() {
    Thread t =
        new Thread(
            () -> {
              if (GraphicsEnvironment.isHeadless()) {
                return;
              }
              Toolkit.getDefaultToolkit(); // connects to the display
              GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice();
              paint();
            },
            "cnn-demo-warm-up");
    t.setDaemon(true);
    t.start();
  }

  private static void paint() {
    BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      Path2D.Double edges = new Path2D.Double();
      for (int i = 0; i < 60; i++) {
        edges.moveTo(0, i * 2);
        edges.curveTo(80, i * 2, 80, 120 - i * 2, 160, 120 - i * 2);
      }
      g.setStroke(new BasicStroke(0.7f));
      g.setColor(Color.LIGHT_GRAY);
      g.draw(edges);
      for (int style : new int[] {Font.PLAIN, Font.BOLD, Font.ITALIC}) {
        for (float size : new float[] {9f, 11f, 12f, 13f}) {
          g.setFont(new Font(Font.DIALOG, style, 12).deriveFont(size));
          g.drawString("conv_1_1 (26, 26, 10) 0.00 −1.23", 2, 20);
        }
      }
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.5f));
      g.fillRect(10, 10, 40, 40);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), 0, 0, 40, 40, null);
    } finally {
      g.dispose();
    }
  }
}
