package org.cnnexplainer.viz.attribution;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Draws an {@link OverlayMap}: the input image in grey (so that colour means attribution only) with
 * the map's colour laid over each pixel, as strongly as the value is large ({@code |value| / max
 * |value|} of {@link #OPACITY}), so that zero leaves the image as it is; and its legend. Stateless;
 * draws into any {@code Graphics2D} (screen, PNG, tests).
 */
public final class OverlayPainter {
  /** How much of a pixel the largest value's colour covers. */
  public static final double OPACITY = 0.85;

  private OverlayPainter() {}

  /**
   * The image pixel {@code (y, x)} under the overlay, {@code 0xRRGGBB}: its luminance (Rec. 601
   * weights for RGB), lifted towards white by a quarter so that dark pixels still show the colour.
   *
   * @param image the input image, {@code [channels, height, width]} with values in [0, 1]
   * @param y the pixel row, 0 to height - 1
   * @param x the pixel column, 0 to width - 1
   * @return the grey the overlay starts from, {@code 0xRRGGBB}
   */
  public static int imageRgb(Tensor image, int y, int x) {
    double luminance;
    if (image.shape().channels() < 3) {
      luminance = clamp(image.get(0, y, x));
    } else {
      luminance =
          0.299 * clamp(image.get(0, y, x))
              + 0.587 * clamp(image.get(1, y, x))
              + 0.114 * clamp(image.get(2, y, x));
    }
    int grey = (int) Math.round((0.25 + 0.75 * luminance) * 255);
    return grey << 16 | grey << 8 | grey;
  }

  private static double clamp(float v) {
    return Math.max(0, Math.min(1, v));
  }

  /**
   * The colour of pixel {@code (y, x)}: the image blended with the map's colour.
   *
   * @param map the map to show
   * @param y the pixel row, 0 to {@code map.height() - 1}
   * @param x the pixel column, 0 to {@code map.width() - 1}
   * @return the blended colour, {@code 0xRRGGBB}; the map's colour covers the image by {@link
   *     OverlayMap#weight} times {@link #OPACITY}
   */
  public static int blend(OverlayMap map, int y, int x) {
    float v = map.value(y, x);
    double a = OPACITY * map.weight(v);
    int under = imageRgb(map.image(), y, x);
    int over = map.rgb(v);
    int rgb = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int u = under >> shift & 0xff;
      int o = over >> shift & 0xff;
      rgb |= (int) Math.round(u + (o - u) * a) << shift;
    }
    return rgb;
  }

  /**
   * The blended overlay, one image pixel per input pixel.
   *
   * @param map the map to show
   * @return a new {@code map.width() x map.height()} RGB image of {@link #blend} colours
   */
  public static BufferedImage image(OverlayMap map) {
    BufferedImage out = new BufferedImage(map.width(), map.height(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < map.height(); y++) {
      for (int x = 0; x < map.width(); x++) {
        out.setRGB(x, y, blend(map, y, x));
      }
    }
    return out;
  }

  /**
   * Draws the overlay scaled into {@code area} (whole pixels, no smoothing: each is a square).
   *
   * @param g where to draw; its rendering hints are restored afterwards
   * @param map the map to show
   * @param area where the image goes, in {@code g}'s coordinates (rounded to whole pixels)
   */
  public static void paint(Graphics2D g, OverlayMap map, Rectangle2D area) {
    drawCrisp(g, image(map), area);
  }

  /** Draws {@code image} scaled into {@code area} with crisp (nearest-neighbour) pixels. */
  static void drawCrisp(Graphics2D g, BufferedImage image, Rectangle2D area) {
    Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.drawImage(
        image,
        (int) Math.round(area.getX()),
        (int) Math.round(area.getY()),
        (int) Math.round(area.getWidth()),
        (int) Math.round(area.getHeight()),
        null);
    if (old != null) {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }
  }

  /**
   * The legend's height for a font: a bar, a row of tick labels and a caption.
   *
   * @param metrics the metrics of the font the legend is written in
   * @return the height {@link #paintLegend} takes, in pixels
   */
  public static double legendHeight(FontMetrics metrics) {
    return 14 + 4 + 2 * metrics.getHeight();
  }

  /**
   * The legend: a bar from the scale's low end to {@code max |value|} in the colours the overlay
   * uses at full strength, ticks at both ends and at 0 (for signed maps), and a caption.
   *
   * @param g where to draw, with the font to write in
   * @param map the map whose scale the legend shows
   * @param caption the text under the tick labels
   * @param x the left edge, in {@code g}'s coordinates
   * @param y the top edge, in {@code g}'s coordinates; the legend is {@link #legendHeight} high
   * @param width the width of the bar, in pixels
   * @param text the colour of the outline, ticks and texts
   */
  public static void paintLegend(
      Graphics2D g, OverlayMap map, String caption, double x, double y, double width, Color text) {
    paintLegend(
        g,
        map.low(),
        map.extent(),
        map::rgb,
        !map.absolute(),
        caption,
        new Rectangle2D.Double(x, y, width, legendHeight(g.getFontMetrics())),
        text,
        (role, s, tx, baseline) -> g.drawString(s, (float) tx, (float) baseline));
  }

  /** Where a legend's texts go: drawn, and possibly recorded under a role ("legend-low" etc.). */
  @FunctionalInterface
  interface TextWriter {
    void write(String role, String s, double x, double baseline);
  }

  /**
   * The one legend painter: a bar from {@code low} to {@code high} in {@code rgb}'s colours, the
   * end values under its ends (and 0 in the middle of a signed scale), and a caption. The end
   * values go to {@code writer} under the roles {@code legend-low} and {@code legend-high}.
   */
  static void paintLegend(
      Graphics2D g,
      double low,
      double high,
      DoubleToIntFunction rgb,
      boolean signed,
      String caption,
      Rectangle2D area,
      Color text,
      TextWriter writer) {
    int bar = 14;
    double x = area.getX();
    double y = area.getY();
    double width = area.getWidth();
    int steps = Math.max(2, (int) width);
    for (int i = 0; i < steps; i++) {
      double value = low + (high - low) * i / (steps - 1.0);
      g.setColor(VizStyle.rgb(rgb.applyAsInt(value)));
      g.fill(new Rectangle2D.Double(x + width * i / steps, y, width / steps + 1, bar));
    }
    g.setColor(text);
    g.draw(new Rectangle2D.Double(x, y, width, bar));
    FontMetrics fm = g.getFontMetrics();
    double base = y + bar + 4 + fm.getAscent();
    String lowText = number(low);
    String highText = number(high);
    writer.write("legend-low", lowText, x, base);
    writer.write("legend-high", highText, x + width - fm.stringWidth(highText), base);
    if (signed) {
      int middle = (int) Math.round(x + width / 2);
      g.drawLine(middle, (int) (y + bar), middle, (int) (y + bar + 3));
      writer.write(null, "0", middle - fm.stringWidth("0") / 2.0, base);
    }
    writer.write(
        "legend-caption",
        caption,
        x + (width - fm.stringWidth(caption)) / 2,
        base + fm.getHeight());
  }

  /**
   * A value as the legend writes it.
   *
   * @param v the value
   * @return "0", 3 decimals for {@code |v| >= 0.01}, else scientific notation with 3 significant
   *     digits (e.g. {@code 4.20e-03})
   */
  public static String number(double v) {
    if (v == 0) {
      return "0";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 0.01 ? "%.3f" : "%.2e", v);
  }

  /** A font for the legend when none is set: the component's or a plain sans-serif. */
  static Font font(Font preferred) {
    return preferred != null ? preferred : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  }
}
