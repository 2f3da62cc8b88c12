package org.cnnexplainer.viz.attribution;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleToIntFunction;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Grad-CAM, one step at a time, every number from the {@link GradCam} result: the class score and
 * the layer's maps {@code A_k}; the gradient of the score at each map; each map's gradient averaged
 * to its weight {@code α_k} (a bar and the number per map); the weighted maps {@code α_k A_k};
 * their sum; the ReLU of the sum; the result resized and laid over the image. The left and right
 * arrow keys or a click on a step's name move between steps, each change fading from one step to
 * the next; play walks through the steps on the {@link org.cnnexplainer.viz.Animator} clock, as the
 * formula views walk their window. Maps of one step share one symmetric scale (blue negative, red
 * positive), so they can be compared. Call on the event thread.
 *
 * @serial exclude
 */
public final class GradCamSteps extends AttributionCard {
  /** The steps' names, in order. */
  public static final List<String> STEPS =
      List.of("Score", "Gradients", "Average: α", "α × maps", "Sum", "ReLU", "Over the image");

  /** Milliseconds per step while playing. */
  public static final int STEP_MILLIS = 1800;

  /** Milliseconds of the fade from one step to the next. */
  public static final int FADE_MILLIS = 250;

  /** The width of a step's legend bar when there is room. */
  private static final int LEGEND_WIDTH = 280;

  private GradCam cam;
  private Tensor image;
  private String className = "";

  /** An empty view; {@link #setContent} gives it a result. */
  public GradCamSteps() {
    super(STEP_MILLIS, FADE_MILLIS);
  }

  /**
   * Shows {@code cam}, computed for {@code image}, with the class's name; keeps the step.
   *
   * @param cam the result, or null to show nothing
   * @param image the image it explains
   * @param className the class's name
   */
  public void setContent(GradCam cam, Tensor image, String className) {
    this.cam = cam;
    this.image = image;
    this.className = className == null ? "" : className;
    reset(currentStep());
  }

  /**
   * The result shown.
   *
   * @return the result, or null
   */
  public GradCam content() {
    return cam;
  }

  @Override
  public String concept() {
    return "grad-cam";
  }

  @Override
  public int stepCount() {
    return cam == null ? 0 : STEPS.size();
  }

  /**
   * Where the last paint drew map {@code k} of the step (or the one map of steps 4 to 6).
   *
   * @return the areas, in map order
   */
  public List<Rectangle> mapAreas() {
    return hits().all(HitMap.Kind.CHANNEL).stream().map(r -> r.bounds().getBounds()).toList();
  }

  /**
   * Where each step's name was drawn (click targets).
   *
   * @return the areas, in step order
   */
  public List<Rectangle> stepAreas() {
    return hits().all(HitMap.Kind.STRIP).stream().map(r -> r.bounds().getBounds()).toList();
  }

  @Override
  Rectangle2D paintHeader(Canvas c, int step) {
    FontMetrics fm = c.g.getFontMetrics();
    int line = fm.getHeight();
    // The play button, then the steps as a row of names; the current one framed.
    int x = MARGIN + playButton(c, MARGIN, MARGIN) + 10;
    int y = MARGIN;
    for (int i = 0; i < STEPS.size(); i++) {
      String name = (i + 1) + " " + STEPS.get(i);
      int w = fm.stringWidth(name) + 12;
      if (x + w > getWidth() - MARGIN && x > MARGIN) {
        x = MARGIN;
        y += line + 8;
      }
      Rectangle chip = new Rectangle(x, y, w, line + 4);
      c.hits.add(HitMap.Kind.STRIP, i, chip);
      c.g.setColor(i == step ? c.foreground : c.muted);
      if (i == step) {
        c.g.drawRoundRect(chip.x, chip.y, chip.width, chip.height, 8, 8);
      }
      c.text(name, x + 6, y + 2 + fm.getAscent());
      x += w + 6;
    }
    y += line + 4 + MARGIN;
    c.g.setColor(c.foreground);
    for (String sentence : explanation(step)) {
      c.text(sentence, MARGIN, y + fm.getAscent());
      y += line;
    }
    y += MARGIN / 2;
    return new Rectangle(MARGIN, y, getWidth() - 2 * MARGIN, getHeight() - y - MARGIN);
  }

  @Override
  void paintBody(Canvas c, int step, Rectangle2D bounds) {
    Rectangle body = bounds.getBounds();
    switch (step) {
      case 0 -> grid(c, cam.activations(), body, "A", "the maps A_k of " + cam.layer());
      case 1 -> grid(c, cam.gradients(), body, "∂S/∂A", "the gradients ∂S/∂A_k");
      case 2 -> bars(c, body);
      case 3 -> grid(c, cam.weightedMaps(), body, "α·A", "the weighted maps α_k · A_k");
      case 4 -> single(c, cam.weightedSum(), body, "the sum Σ_k α_k · A_k");
      case 5 -> single(c, cam.map(), body, "max(0, Σ_k α_k · A_k)");
      default -> {
        OverlayMap overlay = OverlayMap.of(cam, image, OverlayMap.Channels.SUM, false);
        int side = (int) Math.max(0, Math.min(body.width, body.height - legendSpace(c)));
        Rectangle area = new Rectangle(body.x + (body.width - side) / 2, body.y, side, side);
        OverlayPainter.paint(c.g, overlay, area);
        legend(
            c,
            overlay.low(),
            overlay.extent(),
            overlay::rgb,
            !overlay.absolute(),
            "Grad-CAM",
            area.getCenterX(),
            area.y + side + MARGIN,
            Math.min(body.width, Math.max(side, LEGEND_WIDTH)));
        c.hits.add(HitMap.Kind.CHANNEL, 0, area);
      }
    }
  }

  /** The height a legend and the gap above it take. */
  private static double legendSpace(Canvas c) {
    return OverlayPainter.legendHeight(c.g.getFontMetrics()) + MARGIN;
  }

  /** The legend of a symmetric scale {@code [-extent, extent]}, centred on {@code centreX}. */
  private static void legend(
      Canvas c, float extent, String caption, double centreX, double top, double width) {
    legend(
        c,
        -extent,
        extent,
        v -> OverlayMap.signedRgb(v, extent),
        true,
        caption + " (blue < 0 < red)",
        centreX,
        top,
        width);
  }

  /** The shared legend painter, its texts recorded (for hits and overlap checks). */
  private static void legend(
      Canvas c,
      double low,
      double high,
      DoubleToIntFunction rgb,
      boolean signed,
      String caption,
      double centreX,
      double top,
      double width) {
    double x = centreX - width / 2;
    OverlayPainter.paintLegend(
        c.g,
        low,
        high,
        rgb,
        signed,
        caption,
        new Rectangle2D.Double(x, top, width, OverlayPainter.legendHeight(c.g.getFontMetrics())),
        c.foreground,
        c::text);
  }

  /** What step {@code step} does, with its real numbers. */
  private List<String> explanation(int step) {
    String layer = cam.layer();
    int k = cam.channelWeights().length;
    return switch (step) {
      case 0 ->
          List.of(
              String.format(
                  Locale.ROOT,
                  "The score of %s before the softmax is S = %s.",
                  className,
                  OverlayPainter.number(cam.logit())),
              "Grad-CAM asks which of the " + k + " maps A_k of " + layer + " raised it.");
      case 1 ->
          List.of(
              "The backward pass gives ∂S/∂A: how S changes with each value of each map.",
              "Red: raising the value raises S; blue: it lowers S.");
      case 2 ->
          List.of(
              "Each map's gradient averaged over its "
                  + cam.gradients().shape().height() * cam.gradients().shape().width()
                  + " positions: α_k = mean ∂S/∂A_k, one weight per map.");
      case 3 -> List.of("Each map times its weight: α_k · A_k. Maps with α_k < 0 turn blue.");
      case 4 -> List.of("The weighted maps added up: Σ_k α_k · A_k.");
      case 5 ->
          cam.map().max() > 0
              ? List.of("ReLU keeps what speaks for the class: max(0, Σ_k α_k · A_k).")
              : List.of(
                  "ReLU keeps what speaks for the class: max(0, Σ_k α_k · A_k).",
                  "Here the sum is negative or zero everywhere: nothing at "
                      + layer
                      + " speaks for it.");
      default ->
          List.of(
              "The map resized from "
                  + cam.map().shape().height()
                  + " × "
                  + cam.map().shape().width()
                  + " to the image's "
                  + image.shape().height()
                  + " × "
                  + image.shape().width()
                  + " and laid over it.");
    };
  }

  /**
   * The maps of a {@code (K, h, w)} tensor in a grid, on one shared symmetric scale, and that
   * scale's legend under the grid.
   */
  private void grid(Canvas c, Tensor maps, Rectangle body, String name, String caption) {
    Graphics2D g = c.g;
    int k = maps.shape().channels();
    int h = maps.shape().height();
    int w = maps.shape().width();
    float extent = Math.max(Math.abs(maps.min()), Math.abs(maps.max()));
    FontMetrics fm = g.getFontMetrics();
    int label = fm.getHeight();
    double height = body.height - legendSpace(c);
    int best = 1;
    double bestSide = 0;
    for (int columns = 1; columns <= k; columns++) {
      int rows = (k + columns - 1) / columns;
      double side =
          Math.min(
              (body.width - (columns - 1) * 8.0) / columns, (height - rows * (label + 8.0)) / rows);
      if (side > bestSide) {
        bestSide = side;
        best = columns;
      }
    }
    int side = (int) Math.max(1, bestSide);
    for (int m = 0; m < k; m++) {
      int x = body.x + (m % best) * (side + 8);
      int y = body.y + (m / best) * (side + label + 8);
      Rectangle area = new Rectangle(x, y + label, side, side);
      paintMap(g, maps, m, h, w, extent, area);
      g.setColor(c.foreground);
      c.text(name + "_" + m, x, y + fm.getAscent());
      c.hits.add(HitMap.Kind.CHANNEL, m, h, w, area);
    }
    int rows = (k + best - 1) / best;
    int gridWidth = Math.min(body.width, best * (side + 8) - 8);
    int legendWidth = Math.min(body.width, LEGEND_WIDTH);
    legend(
        c,
        extent,
        caption,
        body.x + Math.max(gridWidth, legendWidth) / 2.0,
        body.y + rows * (side + label + 8),
        legendWidth);
  }

  /** One {@code (1, h, w)} map as large as fits, on its own symmetric scale, with its legend. */
  private void single(Canvas c, Tensor map, Rectangle body, String caption) {
    int h = map.shape().height();
    int w = map.shape().width();
    double scale =
        Math.max(0, Math.min((double) body.width / w, (body.height - legendSpace(c)) / h));
    Rectangle area =
        new Rectangle(body.x, body.y, (int) Math.round(w * scale), (int) Math.round(h * scale));
    area.x = body.x + (body.width - area.width) / 2;
    float extent = Math.max(Math.abs(map.min()), Math.abs(map.max()));
    paintMap(c.g, map, 0, h, w, extent, area);
    c.hits.add(HitMap.Kind.CHANNEL, 0, h, w, area);
    legend(
        c,
        extent,
        caption,
        area.getCenterX(),
        area.getMaxY() + MARGIN,
        Math.min(body.width, Math.max(area.width, LEGEND_WIDTH)));
  }

  private static void paintMap(
      Graphics2D g, Tensor maps, int c, int h, int w, float extent, Rectangle area) {
    // Antialiased edges would let the background show as seams between the cells.
    Object old = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        g.setColor(VizStyle.rgb(OverlayMap.signedRgb(maps.get(c, y, x), extent)));
        double x0 = area.x + (double) area.width * x / w;
        double y0 = area.y + (double) area.height * y / h;
        g.fill(
            new Rectangle2D.Double(
                x0,
                y0,
                area.x + (double) area.width * (x + 1) / w - x0,
                area.y + (double) area.height * (y + 1) / h - y0));
      }
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, old);
  }

  /** One bar per α_k from a zero line, with its value. */
  private void bars(Canvas c, Rectangle body) {
    Graphics2D g = c.g;
    Color fg = c.foreground;
    float[] alpha = cam.channelWeights();
    float extent = 0;
    for (float a : alpha) {
      extent = Math.max(extent, Math.abs(a));
    }
    FontMetrics fm = g.getFontMetrics();
    int label = fm.getHeight();
    int slot = Math.max(1, body.width / alpha.length);
    int half = Math.max(1, (int) (body.height - 2 * label - 12 - legendSpace(c)) / 2);
    int zero = body.y + label + half;
    g.setColor(fg);
    g.drawLine(body.x, zero, body.x + slot * alpha.length, zero);
    for (int k = 0; k < alpha.length; k++) {
      int length = extent > 0 ? Math.round(half * Math.abs(alpha[k]) / extent) : 0;
      int x = body.x + k * slot + slot / 5;
      int width = Math.max(1, slot * 3 / 5);
      g.setColor(VizStyle.rgb(OverlayMap.signedRgb(alpha[k], extent)));
      Rectangle bar =
          alpha[k] >= 0
              ? new Rectangle(x, zero - length, width, length)
              : new Rectangle(x, zero, width, length);
      g.fill(bar);
      g.setColor(fg);
      String value = String.format(Locale.ROOT, "%.2e", alpha[k]);
      int tx = body.x + k * slot + (slot - fm.stringWidth(value)) / 2;
      int ty = alpha[k] >= 0 ? zero - length - 4 : zero + length + fm.getAscent() + 2;
      c.text(value, tx, ty);
      String name = "α_" + k;
      c.text(
          name,
          body.x + k * slot + (slot - fm.stringWidth(name)) / 2,
          alpha[k] >= 0 ? zero + fm.getAscent() + 2 : zero - 4);
    }
    legend(
        c,
        extent,
        "the weights α_k",
        body.x + Math.min(body.width, slot * alpha.length) / 2.0,
        zero + half + label + 12,
        Math.min(body.width, LEGEND_WIDTH));
  }
}
