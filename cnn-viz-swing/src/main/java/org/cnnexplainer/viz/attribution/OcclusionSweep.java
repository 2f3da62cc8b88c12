package org.cnnexplainer.viz.attribution;

import java.awt.BasicStroke;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.attribution.Occlusion;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.paint.HitMap;

/**
 * Occlusion as a sweep, like the convolution's sliding window: the patch (filled with the sweep's
 * fill value) moves over the image position by position in reading order while the grid of logit
 * drops fills in beside it, every number from the {@link Occlusion} result. The current position's
 * occluded score and drop are written out. The sweep plays on the {@link Animator} clock as soon as
 * content arrives; with animation off (reduced motion) it shows the finished grid at once. The
 * arrow keys or a click on a grid cell move the patch there. Call on the event thread.
 */
public final class OcclusionSweep extends AttributionCard {
  /** Index of the image in {@link #hits()} ({@link HitMap.Kind#INPUT_CELL} region). */
  public static final int IMAGE = 0;

  /** Milliseconds per position while playing. */
  public static final int STEP_MILLIS = 40;

  private Occlusion occlusion;
  private Tensor image;
  private String className = "";
  private BufferedImage picture;
  private float extent;

  /** An empty view; {@link #setContent} gives it a result. */
  public OcclusionSweep() {
    super(STEP_MILLIS, 0);
  }

  /**
   * Shows {@code occlusion}, computed for {@code image}, for the class named {@code className}; the
   * sweep starts from the first position (or, with animation off, shows the last).
   *
   * @param occlusion the result, or null to show nothing
   * @param image the image the sweep covered
   * @param className the class's name, as the learner knows it
   */
  public void setContent(Occlusion occlusion, Tensor image, String className) {
    this.occlusion = occlusion;
    this.image = image;
    this.className = className == null ? "" : className;
    if (occlusion != null) {
      picture = picture(image);
      extent = Math.max(Math.abs(occlusion.values().min()), Math.abs(occlusion.values().max()));
    }
    boolean sweep = occlusion != null && Animator.isEnabled(this);
    reset(sweep ? 0 : stepCount() - 1);
    if (sweep) {
      setPlaying(true);
    }
  }

  /**
   * The symmetric scale of the drop grid: the largest {@code |drop|}.
   *
   * @return the extent
   */
  public float extent() {
    return extent;
  }

  /**
   * The position shown, {@code {row, column}} of the patch.
   *
   * @return the position
   */
  public int[] position() {
    int columns = occlusion == null ? 1 : occlusion.columns();
    return new int[] {currentStep() / columns, currentStep() % columns};
  }

  @Override
  public String concept() {
    return "occlusion";
  }

  @Override
  public int stepCount() {
    return occlusion == null ? 0 : occlusion.rows() * occlusion.columns();
  }

  @Override
  Rectangle2D paintHeader(Canvas c, int p) {
    int r = p / occlusion.columns();
    int q = p % occlusion.columns();
    int x = MARGIN;
    int y = MARGIN;
    int line = c.line();
    x += playButton(c, x, y) + 10;
    c.g.setColor(c.foreground);
    c.text(
        "title",
        "Occlusion for " + className + ": S(x) = " + OverlayPainter.number(occlusion.logit()),
        x,
        y + 2 + c.ascent());
    y += line + 10;
    c.text(
        String.format(
            Locale.ROOT,
            "A patch of %d × %d pixels of value %s covers the image at %d × %d positions, %d pixels apart.",
            occlusion.patch(),
            occlusion.patch(),
            OverlayPainter.number(occlusion.fill()),
            occlusion.rows(),
            occlusion.columns(),
            occlusion.stride()),
        MARGIN,
        y + c.ascent());
    y += line;
    c.text(
        "position",
        String.format(
            Locale.ROOT,
            "Position (%d, %d): S with the patch = %s, drop = S(x) − S = %s",
            r,
            q,
            OverlayPainter.number(occlusion.occludedLogits().get(0, r, q)),
            OverlayPainter.number(occlusion.drop(r, q))),
        MARGIN,
        y + c.ascent());
    y += line + 8;
    return new Rectangle2D.Double(MARGIN, y, getWidth() - 2 * MARGIN, getHeight() - y - MARGIN);
  }

  @Override
  void paintBody(Canvas c, int p, Rectangle2D body) {
    int rows = occlusion.rows();
    int columns = occlusion.columns();
    int r = p / columns;
    int q = p % columns;
    int line = c.line();
    double gap = 30;
    double legendHeight = 14 + 4 + 2 * line;
    double side =
        Math.max(
            8, Math.min((body.getWidth() - gap) / 2, body.getHeight() - line - 4 - legendHeight));
    double left = body.getX() + (body.getWidth() - 2 * side - gap) / 2;
    double top = body.getY() + line + 4;
    int h = image.shape().height();
    int w = image.shape().width();
    // The image with the patch where it is now: what the network saw at this position.
    Rectangle2D imageArea = fit(h, w, new Rectangle2D.Double(left, top, side, side));
    c.g.setColor(c.foreground);
    c.centred("the image, covered", left + side / 2, body.getY() + c.ascent());
    c.image(picture, imageArea);
    c.hits.add(HitMap.Kind.INPUT_CELL, IMAGE, h, w, imageArea);
    double px = imageArea.getWidth() / w;
    Rectangle2D patch =
        new Rectangle2D.Double(
            imageArea.getX() + q * occlusion.stride() * px,
            imageArea.getY() + r * occlusion.stride() * px,
            occlusion.patch() * px,
            occlusion.patch() * px);
    int level = Math.round(Math.max(0, Math.min(1, occlusion.fill())) * 255);
    c.g.setColor(new java.awt.Color(level, level, level));
    c.g.fill(patch);
    c.g.setColor(c.selection);
    c.g.setStroke(new BasicStroke(2));
    c.g.draw(patch);
    c.g.setStroke(new BasicStroke(1));
    // The drops found so far, in reading order.
    double gridLeft = left + side + gap;
    Rectangle2D grid = fit(rows, columns, new Rectangle2D.Double(gridLeft, top, side, side));
    c.g.setColor(c.foreground);
    c.centred("logit drop per position", gridLeft + side / 2, body.getY() + c.ascent());
    double cw = grid.getWidth() / columns;
    double ch = grid.getHeight() / rows;
    Object aa = c.g.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
    c.g.setRenderingHint(
        java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
    for (int i = 0; i <= p; i++) {
      int ri = i / columns;
      int qi = i % columns;
      c.g.setColor(new java.awt.Color(OverlayMap.signedRgb(occlusion.drop(ri, qi), extent)));
      c.g.fill(
          new Rectangle2D.Double(
              grid.getX() + Math.floor(qi * cw),
              grid.getY() + Math.floor(ri * ch),
              Math.floor((qi + 1) * cw) - Math.floor(qi * cw),
              Math.floor((ri + 1) * ch) - Math.floor(ri * ch)));
    }
    c.g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
    c.g.setColor(c.muted);
    c.g.draw(grid); // after the cells, so that they do not cover it
    c.hits.add(HitMap.Kind.OUTPUT_CELL, 0, rows, columns, grid);
    c.g.setColor(c.selection);
    c.g.setStroke(new BasicStroke(2));
    c.g.draw(new Rectangle2D.Double(grid.getX() + q * cw, grid.getY() + r * ch, cw, ch));
    c.g.setStroke(new BasicStroke(1));
    legend(c, gridLeft, Math.max(grid.getMaxY(), imageArea.getMaxY()) + 8, side);
  }

  /** The drop grid's scale: a bar from −extent to +extent with its ends and 0. */
  private void legend(Canvas c, double x, double y, double width) {
    int bar = 14;
    int steps = Math.max(2, (int) width);
    for (int i = 0; i < steps; i++) {
      double value = -extent + 2.0 * extent * i / (steps - 1.0);
      c.g.setColor(new java.awt.Color(OverlayMap.signedRgb(value, extent)));
      c.g.fill(new Rectangle2D.Double(x + width * i / steps, y, width / steps + 1, bar));
    }
    c.g.setColor(c.foreground);
    c.g.draw(new Rectangle2D.Double(x, y, width, bar));
    double base = y + bar + 4 + c.ascent();
    String high = OverlayPainter.number(extent);
    c.text(OverlayPainter.number(-extent), x, base);
    c.text(high, x + width - c.width(high), base);
    c.centred("0", x + width / 2, base);
    c.g.setColor(c.muted);
    c.centred(
        IntegratedGradientsView.fitText(c, "red: covering it lowers the score", width),
        x + width / 2,
        base + c.line());
  }
}
