package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.function.IntConsumer;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Conv2D;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.viz.Animator;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.color.ColorScale;

/**
 * The convolution elastic view of one Conv2D neuron: each input channel with its kernel glyph
 * (BrBG), the "intermediate" column (each channel cross-correlated with its kernel, no bias), the
 * plus sign with the bias, and the neuron's output map. A sliding-window animation walks every real
 * output position, revealing the results as the window passes; the corner button skips to the end
 * while it runs and replays when it has finished. Hovering a channel pair highlights it; clicking
 * it reports the channel to {@link #setChannelListener} (the app opens the formula view). All maps
 * come from {@link ConvolutionNeuron}.
 */
public class ConvolutionElasticView extends StateView {
  /** Id of the play/skip/replay button region. */
  public static final int ANIMATION_BUTTON = 1;

  static final double TOP = 56;
  static final double GAP = 10;

  private final int layerIndex;
  private final int filter;
  private final Animator animator;
  private double fraction = 1;
  private int hoverChannel = -1;
  private int openChannel = -1;
  private IntConsumer channelListener = c -> {};
  private ActivationTrace neuronTrace;
  private ConvolutionNeuron neuron;

  /**
   * The elastic view of filter {@code filter} of the Conv2D layer {@code layerIndex}.
   *
   * @throws IllegalArgumentException if the layer is not a Conv2D or the filter is out of range
   */
  public ConvolutionElasticView(ExplainerState state, int layerIndex, int filter) {
    super(state);
    if (!(state.network().layer(layerIndex) instanceof Conv2D conv)
        || filter < 0
        || filter >= conv.filters()) {
      throw new IllegalArgumentException(
          "layer " + layerIndex + " filter " + filter + " is not a neuron of a Conv2D layer");
    }
    this.layerIndex = layerIndex;
    this.filter = filter;
    Shape out = state.network().outputShape(layerIndex);
    // About 10 s like the original, shorter for small maps; every real position is visited.
    int duration = (int) Math.min(10_000, Math.max(1500, out.height() * out.width() * 4L));
    this.animator = new Animator(duration, this::setFraction);
    MouseAdapter mouse =
        new MouseAdapter() {
          @Override
          public void mouseMoved(MouseEvent e) {
            int c =
                hits()
                    .at(e.getX(), e.getY())
                    .filter(
                        r ->
                            r.kind() == ViewHits.Kind.CHANNEL
                                || r.kind() == ViewHits.Kind.INTERMEDIATE)
                    .map(ViewHits.Region::index)
                    .orElse(-1);
            if (c != hoverChannel) {
              hoverChannel = c;
              repaint();
            }
          }

          @Override
          public void mouseExited(MouseEvent e) {
            hoverChannel = -1;
            repaint();
          }

          @Override
          public void mouseClicked(MouseEvent e) {
            hits()
                .at(e.getX(), e.getY())
                .ifPresent(
                    r -> {
                      switch (r.kind()) {
                        case CHANNEL, INTERMEDIATE -> channelListener.accept(r.index());
                        case BUTTON -> animationButton();
                        default -> {}
                      }
                    });
          }
        };
    addMouseListener(mouse);
    addMouseMotionListener(mouse);
  }

  @Override
  public String concept() {
    return CONVOLUTION;
  }

  /** The Conv2D layer shown. */
  public int layerIndex() {
    return layerIndex;
  }

  /** The filter shown. */
  public int filter() {
    return filter;
  }

  /** Who is told when a channel pair is clicked. */
  public void setChannelListener(IntConsumer listener) {
    this.channelListener = listener == null ? c -> {} : listener;
  }

  /** Marks the channel whose formula view is open ({@code -1}: none). */
  public void setOpenChannel(int channel) {
    this.openChannel = channel;
    repaint();
  }

  /** The animation's fraction in [0, 1] (1: finished, everything shown). */
  public double fraction() {
    return fraction;
  }

  /** Shows the frame at {@code fraction}. */
  public void setFraction(double fraction) {
    this.fraction = Math.max(0, Math.min(1, fraction));
    repaint();
  }

  /** Starts the sliding-window animation from the beginning (final frame at once when off). */
  public void play() {
    animator.start();
  }

  /** Skips to the end of the animation. */
  public void skipToEnd() {
    animator.stop();
    setFraction(1);
  }

  private void animationButton() {
    if (fraction < 1) {
      skipToEnd();
    } else {
      play();
    }
  }

  @Override
  public void addNotify() {
    super.addNotify();
    play();
  }

  @Override
  public void removeNotify() {
    animator.stop();
    super.removeNotify();
  }

  private ConvolutionNeuron neuron() {
    ActivationTrace trace = state().trace();
    if (trace != neuronTrace) {
      neuron = ConvolutionNeuron.of(trace, layerIndex, filter);
      neuronTrace = trace;
    }
    return neuron;
  }

  /** Side of one map tile for {@code channels} rows. */
  static double tile(int channels) {
    return channels <= 4 ? 64 : channels <= 10 ? 48 : channels <= 32 ? 28 : 18;
  }

  @Override
  protected Dimension viewSize() {
    int channels = ((Conv2D) state().network().layer(layerIndex)).inputChannels();
    double t = tile(channels);
    return new Dimension(
        (int) (60 + t * 2 + 140 + 90 + t * 1.6 + 40), (int) (TOP + channels * (t + GAP) + 40));
  }

  @Override
  protected void paintView(Graphics2D g, OpStyle s, ViewHits hits) {
    ActivationTrace trace = state().trace();
    Conv2D conv = (Conv2D) state().network().layer(layerIndex);
    ConvolutionNeuron n = neuron();
    int channels = conv.inputChannels();
    double t = tile(channels);
    Font font = s.font();
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    Font bold = font.deriveFont(Font.BOLD);
    double range = state().ranges().range(layerIndex);
    ColorScale inScale =
        OpColors.inputScale(
            trace,
            layerIndex,
            state().palette(),
            OpColors.sharedRange(state().ranges(), layerIndex));
    ColorScale outScale = ColorScale.diverging(state().palette().activations(), range);
    // The intermediate maps are partial sums, much smaller than the layer's output; a scale of
    // their own (the unit-range formula over all of them) keeps them legible and comparable.
    ColorScale interScale =
        ColorScale.diverging(state().palette().activations(), unitRange(n.intermediates()));
    Tensor kernel = n.kernel();
    ColorScale kScale = OpColors.kernelScale(state().palette(), kernel, 0, kernel.size());
    Tensor input = trace.inputOf(layerIndex);
    Tensor inter = n.intermediates();
    Shape outShape = inter.shape();
    SlidingWindow frame = SlidingWindow.at(fraction, outShape.height(), outShape.width());
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
        g, conv.name() + " · neuron " + filter, outX, middleY - outT / 2 - 8, small, s.muted());
    hits.text("intermediate caption", interCaption);
    animationButtonAt(g, s, hits, interX + Draw.width(g, interCaption, small) + 2, TOP - 36);

    for (int c = 0; c < channels; c++) {
      double y = TOP + c * (t + GAP);
      Rectangle2D inBox = new Rectangle2D.Double(inX, y, t, t);
      Rectangle2D interBox = new Rectangle2D.Double(interX, y, t, t);
      if (c == hoverChannel || c == openChannel) {
        g.setColor(new Color(160, 160, 160, c == openChannel ? 90 : 51));
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
      g.setStroke(new BasicStroke(c == openChannel ? 2f : 1f));
      g.draw(inBox);
      g.draw(interBox);
      if (!frame.finished()) {
        int top = conv.windowTop(input.shape(), frame.row());
        int left = conv.windowLeft(input.shape(), frame.column());
        double ch = t / input.shape().height();
        double cw = t / input.shape().width();
        Draw.outline(
            g,
            new Rectangle2D.Double(
                inX + left * cw, y + top * ch, conv.kernelWidth() * cw, conv.kernelHeight() * ch),
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
                    && conv.activation() != org.cnnexplainer.core.Activation.LINEAR
                ? ", then " + conv.activation().tfjsName()
                : ""),
        outX - 10,
        middleY + outT / 2 + 16,
        small,
        s.muted());
    String hint = "Click a channel to see its arithmetic · hover to highlight";
    Draw.text(g, hint, 16, TOP + channels * (t + GAP) + 16, small, s.muted());
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
  private void paintMap(
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
        new Rectangle2D.Double(
            box.getX() + frame.column() * cw,
            box.getY() + frame.row() * ch,
            Math.max(cw, 2),
            Math.max(ch, 2)),
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

  private void animationButtonAt(Graphics2D g, OpStyle s, ViewHits hits, double x, double y) {
    Rectangle2D box = new Rectangle2D.Double(x + 6, y, 16, 16);
    hits.add(ViewHits.Kind.BUTTON, ANIMATION_BUTTON, box);
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
