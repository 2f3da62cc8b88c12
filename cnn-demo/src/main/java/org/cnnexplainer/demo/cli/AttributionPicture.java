package org.cnnexplainer.demo.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.Attribution;
import org.cnnexplainer.demo.io.TerminalText;
import org.cnnexplainer.viz.attribution.OverlayMap;
import org.cnnexplainer.viz.attribution.OverlayPainter;

/** The picture {@code attribute --out} writes: a caption, the overlay and its legend on white. */
final class AttributionPicture {
  private AttributionPicture() {}

  /** "class 6 (espresso)", or "class 6" when the model has no labels of its own. */
  static String classCaption(int c, String label) {
    String index = "class " + c;
    return label.equals(index) ? index : index + " (" + TerminalText.escape(label) + ")";
  }

  /** The overlay drawn big enough to see, with its legend and a caption. */
  static BufferedImage draw(Attribution result, Tensor input, String label, boolean absolute) {
    OverlayMap map = OverlayMap.of(result, input, OverlayMap.Channels.SUM, absolute);
    int scale = Math.max(1, 512 / Math.max(map.width(), map.height()));
    int margin = 16;
    int width = Math.max(map.width() * scale + 2 * margin, 360);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D pg = probe.createGraphics();
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    pg.setFont(font);
    int line = pg.getFontMetrics().getHeight();
    int legend = (int) Math.ceil(OverlayPainter.legendHeight(pg.getFontMetrics()));
    pg.dispose();
    int height = margin + line + 6 + map.height() * scale + 10 + legend + margin;
    BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = picture.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setFont(font);
      g.setColor(Color.DARK_GRAY);
      g.drawString(
          String.format(
              Locale.ROOT,
              "%s of %s, logit %.3f",
              result.method().displayName(),
              classCaption(result.classIndex(), label),
              result.logit()),
          margin,
          margin + g.getFontMetrics().getAscent());
      double left = (width - map.width() * scale) / 2.0;
      double top = margin + line + 6;
      OverlayPainter.paint(
          g, map, new Rectangle2D.Double(left, top, map.width() * scale, map.height() * scale));
      OverlayPainter.paintLegend(
          g,
          map,
          map.absolute()
              ? "|attribution|: how much, either way"
              : "blue: against the class · red: for the class",
          left,
          top + map.height() * scale + 10,
          map.width() * scale,
          Color.DARK_GRAY);
    } finally {
      g.dispose();
    }
    return picture;
  }
}
