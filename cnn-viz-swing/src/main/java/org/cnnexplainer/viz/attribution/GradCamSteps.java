package org.cnnexplainer.viz.attribution;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JComponent;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.GradCam;
import org.cnnexplainer.viz.PaintedText;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * Grad-CAM, one step at a time, every number from the {@link GradCam} result: the class score and
 * the layer's maps {@code A_k}; the gradient of the score at each map; each map's gradient averaged
 * to its weight {@code α_k} (a bar and the number per map); the weighted maps {@code α_k A_k};
 * their sum; the ReLU of the sum; the result resized and laid over the image. The left and right
 * arrow keys or a click on a step's name move between steps. Maps of one step share one symmetric
 * scale (blue negative, red positive), so they can be compared. Call on the event thread.
 *
 * @serial exclude
 */
public final class GradCamSteps extends JComponent {
  /** The steps' names, in order. */
  public static final List<String> STEPS =
      List.of("Score", "Gradients", "Average: α", "α × maps", "Sum", "ReLU", "Over the image");

  private static final int MARGIN = 10;
  private GradCam cam;
  private Tensor image;
  private String className = "";
  private int step;
  private List<PaintedText> texts = List.of();
  private List<Rectangle> chips = List.of();
  private List<Rectangle> maps = List.of();

  /** An empty view; {@link #setContent} gives it a result. */
  public GradCamSteps() {
    setOpaque(true);
    setFocusable(true);
    addMouseListener(
        new MouseAdapter() {
          @Override
          public void mousePressed(MouseEvent e) {
            if (isShowing()) {
              requestFocusInWindow();
            }
            for (int i = 0; i < chips.size(); i++) {
              if (chips.get(i).contains(e.getPoint())) {
                setStep(i);
              }
            }
          }
        });
    addKeyListener(
        new KeyAdapter() {
          @Override
          public void keyPressed(KeyEvent e) {
            if (e.getKeyCode() == KeyEvent.VK_RIGHT) {
              setStep(step + 1);
            } else if (e.getKeyCode() == KeyEvent.VK_LEFT) {
              setStep(step - 1);
            }
          }
        });
  }

  /**
   * Shows {@code cam}, computed for {@code image}, with the class's name; keeps the step.
   *
   * @param cam the Grad-CAM result to explain step by step
   * @param image the input image it was computed for, shaped like the network's input
   * @param className the name of the class the score belongs to ({@code null}: none shown)
   */
  public void setContent(GradCam cam, Tensor image, String className) {
    this.cam = cam;
    this.image = image;
    this.className = className == null ? "" : className;
    repaint();
  }

  /** {@return the step shown, an index into {@link #STEPS}: 0 to {@code STEPS.size() - 1}} */
  public int step() {
    return step;
  }

  /**
   * Shows step {@code index} (clamped to the steps there are) and repaints.
   *
   * @param index the step, an index into {@link #STEPS}; smaller or larger values are clamped
   */
  public void setStep(int index) {
    int clamped = Math.max(0, Math.min(STEPS.size() - 1, index));
    if (clamped != step) {
      int old = step;
      step = clamped;
      firePropertyChange("step", old, step);
      repaint();
    }
  }

  /**
   * {@return the texts of the last paint, where they were drawn, in this component's coordinates}
   */
  public List<PaintedText> paintedTexts() {
    return texts;
  }

  /**
   * {@return where the last paint drew each map of the step, element {@code k} for map (channel)
   * {@code k} (or the one map of steps 4 to 6), in this component's coordinates}
   */
  public List<Rectangle> mapAreas() {
    return maps;
  }

  /**
   * {@return where each step's name was drawn (click targets), element {@code i} for step {@code
   * i}, in this component's coordinates}
   */
  public List<Rectangle> stepAreas() {
    return chips;
  }

  @Override
  public Dimension getPreferredSize() {
    return isPreferredSizeSet() ? super.getPreferredSize() : new Dimension(720, 460);
  }

  @Override
  protected void paintComponent(Graphics graphics) {
    Graphics2D g = (Graphics2D) graphics.create();
    List<PaintedText> painted = new ArrayList<>();
    List<Rectangle> chipAreas = new ArrayList<>();
    List<Rectangle> mapAreas = new ArrayList<>();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setFont(OverlayPainter.font(getFont()));
      Color fg = AttributionOverlay.foreground();
      Color bg = AttributionOverlay.background();
      g.setColor(bg);
      g.fillRect(0, 0, getWidth(), getHeight());
      if (cam == null) {
        return;
      }
      FontMetrics fm = g.getFontMetrics();
      int line = fm.getHeight();
      // The steps as a row of names; the current one framed.
      int x = MARGIN;
      int y = MARGIN;
      for (int i = 0; i < STEPS.size(); i++) {
        String name = (i + 1) + " " + STEPS.get(i);
        int w = fm.stringWidth(name) + 12;
        if (x + w > getWidth() - MARGIN && x > MARGIN) {
          x = MARGIN;
          y += line + 8;
        }
        Rectangle chip = new Rectangle(x, y, w, line + 4);
        chipAreas.add(chip);
        g.setColor(i == step ? fg : VizStyle.mix(fg, bg, 0.55));
        if (i == step) {
          g.drawRoundRect(chip.x, chip.y, chip.width, chip.height, 8, 8);
        }
        text(g, painted, name, x + 6, y + 2 + fm.getAscent());
        x += w + 6;
      }
      y += line + 4 + MARGIN;
      g.setColor(fg);
      for (String sentence : explanation()) {
        text(g, painted, sentence, MARGIN, y + fm.getAscent());
        y += line;
      }
      y += MARGIN / 2;
      Rectangle body = new Rectangle(MARGIN, y, getWidth() - 2 * MARGIN, getHeight() - y - MARGIN);
      switch (step) {
        case 0 -> mapAreas.addAll(grid(g, painted, cam.activations(), body, "A"));
        case 1 -> mapAreas.addAll(grid(g, painted, cam.gradients(), body, "∂S/∂A"));
        case 2 -> bars(g, painted, body, fg);
        case 3 -> mapAreas.addAll(grid(g, painted, cam.weightedMaps(), body, "α·A"));
        case 4 -> mapAreas.add(single(g, cam.weightedSum(), body));
        case 5 -> mapAreas.add(single(g, cam.map(), body));
        default -> {
          OverlayMap overlay = OverlayMap.of(cam, image, OverlayMap.Channels.SUM, false);
          double legend = OverlayPainter.legendHeight(fm);
          int side = (int) Math.max(0, Math.min(body.width, body.height - legend - MARGIN));
          Rectangle area = new Rectangle(body.x + (body.width - side) / 2, body.y, side, side);
          OverlayPainter.paint(g, overlay, area);
          OverlayPainter.paintLegend(
              g, overlay, "Grad-CAM", area.x, area.y + side + MARGIN, Math.max(side, 120), fg);
          mapAreas.add(area);
        }
      }
    } finally {
      g.dispose();
      texts = List.copyOf(painted);
      chips = List.copyOf(chipAreas);
      maps = List.copyOf(mapAreas);
    }
  }

  /** What the current step does, with its real numbers. */
  private List<String> explanation() {
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
      case 5 -> List.of("ReLU keeps what speaks for the class: max(0, Σ_k α_k · A_k).");
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

  /** The maps of a {@code (K, h, w)} tensor in a grid, on one shared symmetric scale. */
  private List<Rectangle> grid(
      Graphics2D g, List<PaintedText> painted, Tensor maps, Rectangle body, String name) {
    int k = maps.shape().channels();
    int h = maps.shape().height();
    int w = maps.shape().width();
    float extent = Math.max(Math.abs(maps.min()), Math.abs(maps.max()));
    FontMetrics fm = g.getFontMetrics();
    int label = fm.getHeight();
    int best = 1;
    double bestSide = 0;
    for (int columns = 1; columns <= k; columns++) {
      int rows = (k + columns - 1) / columns;
      double side =
          Math.min(
              (body.width - (columns - 1) * 8.0) / columns,
              (body.height - rows * (label + 8.0)) / rows);
      if (side > bestSide) {
        bestSide = side;
        best = columns;
      }
    }
    int side = (int) Math.max(1, bestSide);
    List<Rectangle> areas = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int x = body.x + (c % best) * (side + 8);
      int y = body.y + (c / best) * (side + label + 8);
      Rectangle area = new Rectangle(x, y + label, side, side);
      paintMap(g, maps, c, h, w, extent, area);
      g.setColor(AttributionOverlay.foreground());
      text(g, painted, name + "_" + c, x, y + fm.getAscent());
      areas.add(area);
    }
    return areas;
  }

  /** One {@code (1, h, w)} map as large as fits, on its own symmetric scale. */
  private Rectangle single(Graphics2D g, Tensor map, Rectangle body) {
    int h = map.shape().height();
    int w = map.shape().width();
    double scale = Math.min((double) body.width / w, (double) body.height / h);
    Rectangle area =
        new Rectangle(body.x, body.y, (int) Math.round(w * scale), (int) Math.round(h * scale));
    area.x = body.x + (body.width - area.width) / 2;
    paintMap(g, map, 0, h, w, Math.max(Math.abs(map.min()), Math.abs(map.max())), area);
    return area;
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
  private void bars(Graphics2D g, List<PaintedText> painted, Rectangle body, Color fg) {
    float[] alpha = cam.channelWeights();
    float extent = 0;
    for (float a : alpha) {
      extent = Math.max(extent, Math.abs(a));
    }
    FontMetrics fm = g.getFontMetrics();
    int label = fm.getHeight();
    int slot = Math.max(1, body.width / alpha.length);
    int half = Math.max(1, (body.height - 2 * label - 8) / 2);
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
      text(g, painted, value, tx, ty);
      String name = "α_" + k;
      text(
          g,
          painted,
          name,
          body.x + k * slot + (slot - fm.stringWidth(name)) / 2,
          alpha[k] >= 0 ? zero + fm.getAscent() + 2 : zero - 4);
    }
  }

  private static void text(Graphics2D g, List<PaintedText> painted, String s, int x, int baseline) {
    FontMetrics fm = g.getFontMetrics();
    g.drawString(s, x, baseline);
    painted.add(
        new PaintedText(
            s,
            new Rectangle2D.Double(
                x,
                baseline - fm.getAscent(),
                fm.stringWidth(s),
                fm.getAscent() + fm.getDescent())));
  }
}
