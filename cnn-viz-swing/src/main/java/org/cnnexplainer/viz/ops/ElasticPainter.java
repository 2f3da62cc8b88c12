package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;

/**
 * Paints the convolution elastic view from a snapshot (stateless; see {@link
 * ConvolutionElasticView}).
 */
final class ElasticPainter {
  static final double TOP = ConvolutionElasticView.TOP;
  static final double GAP = ConvolutionElasticView.GAP;

  /** Everything one paint needs. */
  record Snapshot(
      ActivationTrace trace,
      Conv2D conv,
      int layerIndex,
      int filter,
      ConvolutionNeuron neuron,
      LayerRanges ranges,
      Palette palette,
      double fraction,
      int hoverChannel,
      int openChannel) {}

  private ElasticPainter() {}

  static void paint(Graphics2D g, OpStyle s, ViewHits hits, Snapshot f) {
    ActivationTrace trace = f.trace();
    Conv2D conv = f.conv();
    ConvolutionNeuron n = f.neuron();
    int channels = conv.inputChannels();
    double t = ConvolutionElasticView.tile(channels);
    Font font = s.font();
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    Font bold = font.deriveFont(Font.BOLD);
    double range = f.ranges().range(f.layerIndex());
    ColorScale inScale =
        OpColors.inputScale(
            trace, f.layerIndex(), f.palette(), OpColors.sharedRange(f.ranges(), f.layerIndex()));
    ColorScale outScale = ColorScale.diverging(f.palette().activations(), range);
    // The intermediate maps are partial sums, much smaller than the layer's output; a scale of
    // their own (the unit-range formula over all of them) keeps them legible and comparable.
    ColorScale interScale =
        ColorScale.diverging(f.palette().activations(), unitRange(n.intermediates()));
    Tensor kernel = n.kernel();
    ColorScale kScale = OpColors.kernelScale(f.palette(), kernel, 0, kernel.size());
    Tensor input = trace.inputOf(f.layerIndex());
    Tensor inter = n.intermediates();
    Shape outShape = inter.shape();
    SlidingWindow frame = SlidingWindow.at(f.fraction(), outShape.height(), outShape.width());
    hits.text("revealed", Integer.toString(frame.revealed()));

    double glyphX = 16;
    double inX = 60;
    double interX = inX + t + 140;
    double plusX = interX + t + 50;
    double outX = plusX + 40;
    double outT = t * 1.6;
    double middleY = TOP + channels * (t + GAP) / 2 - GAP / 2;

    Draw.text(g, "input " + dims(input.shape()), inX - 10, TOP - 24, small, s.muted());
    String interCaption = "intermediate " + dims(outShape);
    Draw.text(g, interCaption, interX - 10, TOP - 24, small, s.muted());
    Draw.text(
        g, conv.name() + " · neuron " + f.filter(), outX, middleY - outT / 2 - 8, small, s.muted());
    hits.text("intermediate caption", interCaption);
    animationButtonAt(
        g, s, hits, interX + Draw.width(g, interCaption, small) + 2, TOP - 36, f.fraction());

    for (int c = 0; c < channels; c++) {
      double y = TOP + c * (t + GAP);
      Rectangle2D inBox = new Rectangle2D.Double(inX, y, t, t);
      Rectangle2D interBox = new Rectangle2D.Double(interX, y, t, t);
      if (c == f.hoverChannel() || c == f.openChannel()) {
        g.setColor(new Color(160, 160, 160, c == f.openChannel() ? 90 : 51));
        g.fill(
            new RoundRectangle2D.Double(
                glyphX - 6, y - 4, interX + t + 6 - glyphX + 6, t + 8, 10, 10));
      }
      // Flow edges input -> intermediate -> plus.
      g.setColor(s.grid());
      g.setStroke(
          new BasicStroke(
              1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 2}, 0));
      g.draw(new Line2D.Double(inX + t, y + t / 2, interX, y + t / 2));
      g.draw(new Line2D.Double(interX + t, y + t / 2, plusX - 8, middleY));
      int channel = c;
      paintMap(g, inBox, input.shape(), (r, col) -> inScale.rgb(input.get(channel, r, col)), -1);
      paintMap(
          g,
          interBox,
          outShape,
          (r, col) -> interScale.rgb(inter.get(channel, r, col)),
          frame.revealed());
      glyph(g, kernel, c, kScale, glyphX, y + t / 2 - 11, 22);
      hits.add(ViewHits.Kind.CHANNEL, c, new Rectangle2D.Double(glyphX, y, inX + t - glyphX, t));
      hits.add(ViewHits.Kind.INTERMEDIATE, c, interBox);
      g.setColor(s.grid());
      g.setStroke(new BasicStroke(c == f.openChannel() ? 2f : 1f));
      g.draw(inBox);
      g.draw(interBox);
      if (!frame.finished()) {
        int top = conv.windowTop(input.shape(), frame.row());
        int left = conv.windowLeft(input.shape(), frame.column());
        double ch = t / input.shape().height();
        double cw = t / input.shape().width();
        Draw.outline(
            g,
            atLeast(
                new Rectangle2D.Double(
                    inX + left * cw,
                    y + top * ch,
                    conv.kernelWidth() * cw,
                    conv.kernelHeight() * ch),
                5),
            s.foreground(),
            1f);
        windowCell(g, s, interBox, outShape, frame);
      }
    }
    // Plus, bias, output.
    g.setColor(s.grid());
    g.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 2}, 0));
    g.draw(new Line2D.Double(plusX + 8, middleY, outX, middleY));
    Draw.plus(g, plusX, middleY, 16, s);
    double biasY = middleY + 30;
    g.draw(new Line2D.Double(plusX, middleY + 8, plusX, biasY - 4));
    Ellipse2D dot = new Ellipse2D.Double(plusX - 5, biasY - 5, 10, 10);
    g.setColor(Draw.color(kScale, n.bias()));
    g.fill(dot);
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(0.8f));
    g.draw(dot);
    String bias = "bias " + DisplayNumbers.two(n.bias());
    Draw.text(g, bias, plusX - Draw.width(g, bias, small) / 2, biasY + 18, small, s.foreground());
    hits.add(ViewHits.Kind.BIAS, 0, dot.getBounds2D());
    hits.text("bias", DisplayNumbers.two(n.bias()));
    Rectangle2D outBox = new Rectangle2D.Double(outX, middleY - outT / 2, outT, outT);
    Tensor out = n.output();
    paintMap(g, outBox, outShape, (r, col) -> outScale.rgb(out.get(0, r, col)), frame.revealed());
    g.setColor(s.selectionOrGrid());
    g.setStroke(new BasicStroke(2f));
    g.draw(outBox);
    if (!frame.finished()) {
      windowCell(g, s, outBox, outShape, frame);
    }
    hits.add(ViewHits.Kind.OUTPUT_CELL, 0, outShape.height(), outShape.width(), outBox);
    Draw.text(
        g,
        "sum + bias"
            + (conv.activation().isElementwise()
                    && conv.activation() != org.cnnexplainer.core.layer.Activation.LINEAR
                ? ", then " + conv.activation().tfjsName()
                : ""),
        outX - 10,
        middleY + outT / 2 + 16,
        small,
        s.muted());
    double ly = TOP + channels * (t + GAP) + 14;
    double lx = 16;
    if (OpColors.readsInput(f.trace().network(), f.layerIndex())) {
      lx += LegendBar.paint(g, s, hits, "input", inScale, input, lx, ly) + 24;
    }
    lx += LegendBar.paint(g, s, hits, "intermediate", interScale, inter, lx, ly) + 24;
    lx += LegendBar.paint(g, s, hits, "output", outScale, n.output(), lx, ly) + 24;
    LegendBar.paint(g, s, hits, "kernel", kScale, kernel, lx, ly);
    String hint = "Click a channel to see its arithmetic · hover to highlight";
    Draw.text(g, hint, 16, ly + LegendBar.HEIGHT + 14, small, s.muted());
  }

  /** {@code r} grown around its centre to at least {@code min} px, so a window stays visible. */
  static Rectangle2D atLeast(Rectangle2D r, double min) {
    double w = Math.max(r.getWidth(), min);
    double h = Math.max(r.getHeight(), min);
    return new Rectangle2D.Double(r.getCenterX() - w / 2, r.getCenterY() - h / 2, w, h);
  }

  /** {@code 2 * (0.1 + round3(max |v|))}, the original's unit range. */
  static double unitRange(Tensor values) {
    double maxAbs = Math.max(Math.abs(values.min()), Math.abs(values.max()));
    return 2 * (0.1 + Math.round(maxAbs * 1000) / 1000.0);
  }

  private static String dims(Shape shape) {
    return "(" + shape.height() + ", " + shape.width() + ", " + shape.channels() + ")";
  }

  /**
   * Draws a map scaled into {@code box}; cells at row-major index >= {@code revealed} stay blank.
   */
  private static void paintMap(
      Graphics2D g,
      Rectangle2D box,
      Shape shape,
      java.util.function.IntBinaryOperator rgb,
      int revealed) {
    int rows = shape.height();
    int cols = shape.width();
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(cols, rows, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        boolean shown = revealed < 0 || r * cols + c < revealed;
        image.setRGB(c, r, shown ? 0xff000000 | rgb.applyAsInt(r, c) : 0);
      }
    }
    g.drawImage(
        image,
        (int) Math.round(box.getX()),
        (int) Math.round(box.getY()),
        (int) Math.round(box.getWidth()),
        (int) Math.round(box.getHeight()),
        null);
  }

  private static void windowCell(
      Graphics2D g, OpStyle s, Rectangle2D box, Shape shape, SlidingWindow frame) {
    double ch = box.getHeight() / shape.height();
    double cw = box.getWidth() / shape.width();
    Draw.outline(
        g,
        atLeast(
            new Rectangle2D.Double(
                box.getX() + frame.column() * cw, box.getY() + frame.row() * ch, cw, ch),
            4),
        s.foreground(),
        1f);
  }

  /** The k x k kernel glyph of channel {@code c}, {@code size} px wide. */
  private static void glyph(
      Graphics2D g, Tensor kernel, int c, ColorScale scale, double x, double y, double size) {
    int kh = kernel.shape().height();
    int kw = kernel.shape().width();
    double cell = size / Math.max(kh, kw);
    Draw.grid(g, x, y, cell, kh, kw, (r, col) -> scale.rgb(kernel.get(c, r, col)));
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(0.6f));
    g.draw(new Rectangle2D.Double(x, y, kw * cell, kh * cell));
  }

  private static void animationButtonAt(
      Graphics2D g, OpStyle s, ViewHits hits, double x, double y, double fraction) {
    Rectangle2D box = new Rectangle2D.Double(x + 6, y, 16, 16);
    hits.add(ViewHits.Kind.BUTTON, ConvolutionElasticView.ANIMATION_BUTTON, box);
    boolean running = fraction < 1;
    hits.text("button", running ? "skip to end" : "replay");
    g.setColor(s.muted());
    g.setStroke(new BasicStroke(1.2f));
    double cx = box.getCenterX();
    double cy = box.getCenterY();
    if (running) {
      java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
      p.moveTo(cx - 6, cy - 5);
      p.lineTo(cx, cy);
      p.lineTo(cx - 6, cy + 5);
      p.closePath();
      p.moveTo(cx, cy - 5);
      p.lineTo(cx + 6, cy);
      p.lineTo(cx, cy + 5);
      p.closePath();
      g.fill(p);
    } else {
      g.draw(
          new java.awt.geom.Arc2D.Double(
              cx - 6, cy - 6, 12, 12, 60, 290, java.awt.geom.Arc2D.OPEN));
      java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
      p.moveTo(cx + 2, cy - 8);
      p.lineTo(cx + 6, cy - 5);
      p.lineTo(cx + 2, cy - 2);
      p.closePath();
      g.fill(p);
    }
  }
}
