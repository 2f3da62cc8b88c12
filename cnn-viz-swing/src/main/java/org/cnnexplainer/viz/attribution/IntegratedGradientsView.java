package org.cnnexplainer.viz.attribution;

import java.awt.BasicStroke;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.cnnexplainer.core.attribution.IntegratedGradients;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Integrated gradients, step by step, every number from the {@link IntegratedGradients} result: the
 * path of images from the black baseline ({@code α = 0}) to the input ({@code α = 1}) as a strip;
 * the score {@code S} along the path (flat stretches are where the gradient says little:
 * saturation); at step {@code k} the path image, the gradient {@code ∂S/∂x} there, the running
 * average of the gradients of steps {@code 1..k} and the final attribution {@code x ⊙ average}; and
 * the completeness check {@code Σ IG ≈ S(x) − S(0)} with its gap. Maps show the sum over the colour
 * channels; the gradients of all steps share one symmetric scale, and so do the running averages,
 * so their sizes can be compared along the path. Play walks the path; the arrow keys or a click on
 * the strip pick a step. Call on the event thread.
 */
public final class IntegratedGradientsView extends AttributionCard {
  /** Index of the body's maps in {@link #hits()} ({@link HitMap.Kind#CHANNEL} regions). */
  public static final int PATH_IMAGE = 0;

  /** The gradient at the current step. */
  public static final int GRADIENT = 1;

  /** The running average of the gradients up to the current step. */
  public static final int RUNNING_AVERAGE = 2;

  /** The attribution, {@code x ⊙} the average gradient of all steps. */
  public static final int ATTRIBUTION = 3;

  private static final String[] PANEL_TITLES = {
    "image at α", "gradient ∂S/∂x", "average of steps 1..k", "IG = x ⊙ average"
  };

  private IntegratedGradients ig;
  private String className = "";
  private BufferedImage[] path = new BufferedImage[0];
  private float gradientExtent;
  private float averageExtent;
  private float attributionExtent;

  /** An empty view; {@link #setContent} gives it a result. */
  public IntegratedGradientsView() {
    super(220, 180);
  }

  /**
   * Shows {@code ig} for the class named {@code className}, at its last step (the image itself).
   *
   * @param ig the result, or null to show nothing
   * @param className the class's name, as the learner knows it
   */
  public void setContent(IntegratedGradients ig, String className) {
    this.ig = ig;
    this.className = className == null ? "" : className;
    if (ig == null) {
      path = new BufferedImage[0];
    } else {
      path = new BufferedImage[ig.steps() + 1];
      for (int k = 0; k <= ig.steps(); k++) {
        path[k] = picture(ig.pathImage(k));
      }
      gradientExtent = 0;
      averageExtent = 0;
      for (int k = 1; k <= ig.steps(); k++) {
        gradientExtent = Math.max(gradientExtent, extent(ig.stepGradient(k)));
        averageExtent = Math.max(averageExtent, extent(ig.runningAverage(k)));
      }
      attributionExtent = extent(ig.values());
    }
    reset(stepCount() - 1);
  }

  /**
   * The result shown.
   *
   * @return the result, or null
   */
  public IntegratedGradients content() {
    return ig;
  }

  /**
   * The shared scale of the gradient panels: the largest {@code |Σ_channels ∂S/∂x|} over all steps.
   *
   * @return the extent
   */
  public float gradientExtent() {
    return gradientExtent;
  }

  /**
   * The shared scale of the running-average panels, over all steps.
   *
   * @return the extent
   */
  public float averageExtent() {
    return averageExtent;
  }

  /**
   * The scale of the attribution panel.
   *
   * @return the extent
   */
  public float attributionExtent() {
    return attributionExtent;
  }

  @Override
  public String concept() {
    return "integrated-gradients";
  }

  @Override
  public int stepCount() {
    return ig == null ? 0 : ig.steps() + 1;
  }

  @Override
  Rectangle2D paintHeader(Canvas c, int k) {
    int m = ig.steps();
    int x = MARGIN;
    int y = MARGIN;
    int line = c.line();
    x += playButton(c, x, y) + 10;
    c.g.setColor(c.foreground);
    c.text(
        "title",
        String.format(
            Locale.ROOT,
            "Integrated gradients of %s — step %d of %d, α = %d/%d",
            className,
            k,
            m,
            k,
            m),
        x,
        y + 2 + c.ascent());
    y += line + 4 + 6;
    c.text(
        "explanation",
        k == 0
            ? "Step 0 is the baseline, an all-black image. Its score S(0) = "
                + OverlayPainter.number(ig.baselineLogit())
                + "; the gradients start at step 1."
            : "At α = "
                + OverlayPainter.number(ig.alpha(k))
                + " the score is S = "
                + OverlayPainter.number(ig.stepLogit(k))
                + ". Its gradient joins the average of the steps before.",
        MARGIN,
        y + c.ascent());
    y += line + 4;
    // The path: one thumbnail per step, from black to the image.
    int width = getWidth() - 2 * MARGIN;
    double cell = Math.min(40, (double) width / (m + 1));
    double thumb = Math.max(2, cell - (cell > 8 ? 2 : 0));
    for (int j = 0; j <= m; j++) {
      Rectangle2D area = new Rectangle2D.Double(MARGIN + j * cell, y, thumb, thumb);
      c.image(path[j], area);
      c.hits.add(HitMap.Kind.STRIP, j, area);
      if (j == k) {
        c.g.setColor(c.selection);
        c.g.setStroke(new BasicStroke(2));
        c.g.draw(new Rectangle2D.Double(area.getX() - 1, area.getY() - 1, thumb + 2, thumb + 2));
        c.g.setStroke(new BasicStroke(1));
      }
    }
    y += (int) Math.ceil(thumb) + 6;
    y = scoreChart(c, k, y, (int) Math.round(cell * (m + 1)));
    return new Rectangle2D.Double(MARGIN, y + 4, width, getHeight() - MARGIN - y - 4);
  }

  /** {@code S} at every step as a line, the current step marked; returns the y below it. */
  private int scoreChart(Canvas c, int k, int y, int width) {
    int m = ig.steps();
    int line = c.line();
    int height = Math.max(24, Math.min(60, getHeight() / 11));
    float low = Float.POSITIVE_INFINITY;
    float high = Float.NEGATIVE_INFINITY;
    for (int j = 0; j <= m; j++) {
      low = Math.min(low, ig.stepLogit(j));
      high = Math.max(high, ig.stepLogit(j));
    }
    String left = "S(0) = " + OverlayPainter.number(ig.baselineLogit());
    String right = "S(x) = " + OverlayPainter.number(ig.logit());
    int labelWidth = Math.max(c.width(left), c.width(right)) + 8;
    double x0 = MARGIN + labelWidth;
    double x1 = Math.max(x0 + 20, MARGIN + width - labelWidth);
    double span = high > low ? high - low : 1;
    Path2D.Double curve = new Path2D.Double();
    for (int j = 0; j <= m; j++) {
      double px = x0 + (x1 - x0) * j / m;
      double py = y + height - (ig.stepLogit(j) - low) / span * height;
      if (j == 0) {
        curve.moveTo(px, py);
      } else {
        curve.lineTo(px, py);
      }
    }
    c.g.setColor(c.muted);
    c.g.draw(new Line2D.Double(x0, y + height, x1, y + height));
    c.g.setColor(c.foreground);
    c.g.draw(curve);
    double px = x0 + (x1 - x0) * k / m;
    double py = y + height - (ig.stepLogit(k) - low) / span * height;
    c.g.setColor(c.selection);
    c.g.fill(new Ellipse2D.Double(px - 3.5, py - 3.5, 7, 7));
    c.g.setColor(c.foreground);
    c.text(
        left, MARGIN, y + height - (ig.baselineLogit() - low) / span * height + c.ascent() / 2.0);
    c.text(right, x1 + 8, y + height - (ig.logit() - low) / span * height + c.ascent() / 2.0);
    c.g.setColor(c.muted);
    c.text(
        "the score S along the path (flat where the gradient is small: saturation)",
        x0,
        y + height + line + 2);
    return y + height + 2 * line + 4;
  }

  @Override
  void paintBody(Canvas c, int k, Rectangle2D body) {
    int line = c.line();
    double gap = 14;
    double side =
        Math.max(
            8,
            Math.min(
                (body.getWidth() - 3 * gap) / 4,
                body.getHeight() - 2 * line - 4 - line - 4 - 3 * line - 8));
    double total = 4 * side + 3 * gap;
    double left = body.getX() + (body.getWidth() - total) / 2;
    int h = ig.input().shape().height();
    int w = ig.input().shape().width();
    for (int panel = 0; panel < 4; panel++) {
      double x = left + panel * (side + gap);
      Rectangle2D box = new Rectangle2D.Double(x, body.getY() + line + 4, side, side);
      Rectangle2D area = fit(h, w, box);
      String scale = null;
      BufferedImage picture = null;
      switch (panel) {
        case PATH_IMAGE -> picture = path[k];
        case GRADIENT -> {
          if (k > 0) {
            picture = signedPicture(ig.stepGradient(k), gradientExtent);
            scale = "±" + OverlayPainter.number(gradientExtent) + ", all steps";
          }
        }
        case RUNNING_AVERAGE -> {
          if (k > 0) {
            picture = signedPicture(ig.runningAverage(k), averageExtent);
            scale = "±" + OverlayPainter.number(averageExtent) + ", all steps";
          }
        }
        default -> {
          picture = signedPicture(ig.values(), attributionExtent);
          scale = "±" + OverlayPainter.number(attributionExtent);
        }
      }
      c.g.setColor(c.foreground);
      String title =
          panel == PATH_IMAGE
              ? PANEL_TITLES[panel] + " = " + k + "/" + ig.steps()
              : panel == RUNNING_AVERAGE
                  ? "average of steps 1.." + Math.max(1, k)
                  : PANEL_TITLES[panel];
      c.centred(fitText(c, title, side + gap - 4), x + side / 2, body.getY() + c.ascent());
      if (picture == null) {
        c.g.setColor(c.muted);
        c.g.draw(area);
        c.centred(fitText(c, "no gradient at α = 0", side), x + side / 2, area.getCenterY());
      } else {
        c.image(picture, area);
        c.hits.add(HitMap.Kind.CHANNEL, panel, h, w, area);
      }
      if (scale != null) {
        c.g.setColor(c.muted);
        c.centred(fitText(c, scale, side + gap - 4), x + side / 2, area.getMaxY() + 4 + c.ascent());
      }
    }
    c.g.setColor(c.muted);
    Rectangle legend =
        new Rectangle(
            (int) left, (int) (body.getY() + line + 4 + side + line + 8), (int) total, line);
    c.text(
        "red: raising the pixel raises the score of " + className + "; blue: it lowers it",
        legend.x,
        legend.y + c.ascent());
    completeness(c, (int) left, legend.y + line + 8);
  }

  /** The completeness check, {@code Σ IG ≈ S(x) − S(0)} and its gap, from {@code top}. */
  private void completeness(Canvas c, int x, int top) {
    int line = c.line();
    c.g.setColor(c.foreground);
    c.text(
        "completeness",
        "Completeness: Σ IG = "
            + OverlayPainter.number(ig.sum())
            + "  ≈  S(x) − S(0) = "
            + OverlayPainter.number(ig.logit())
            + " − "
            + OverlayPainter.number(ig.baselineLogit()),
        x,
        top + c.ascent());
    c.g.setColor(c.muted);
    c.text(
        "gap",
        "gap Σ IG − (S(x) − S(0)) = "
            + OverlayPainter.number(ig.completenessGap())
            + "   (a sum over "
            + ig.steps()
            + " steps approximates the integral; more steps shrink the gap)",
        x,
        top + line + c.ascent());
  }

  /** {@code s}, shortened with an ellipsis to fit {@code width}. */
  static String fitText(Canvas c, String s, double width) {
    if (c.width(s) <= width) {
      return s;
    }
    String t = s;
    while (t.length() > 1 && c.width(t + "…") > width) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }
}
