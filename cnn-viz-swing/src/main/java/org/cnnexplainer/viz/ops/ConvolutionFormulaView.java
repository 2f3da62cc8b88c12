package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.color.ColorScale;

/**
 * The convolution formula view of one input channel of one Conv2D neuron: the input channel with
 * the current window, the k×k arithmetic {@code value × weight} with each product, their sum (the
 * intermediate value), the output (intermediate) grid, and below it every channel's sum plus the
 * bias and the neuron's final value, so the numbers on screen add up. Values are rounded to 2
 * decimals for display only; all come from {@link ConvolutionStep} and {@link ConvolutionNeuron}.
 */
public final class ConvolutionFormulaView extends SteppingView {
  static final double GRID = 200;
  static final double MARGIN = 16;
  static final double TOP = 58;
  static final double BOX_W = 50;
  static final double BOX_H = 22;
  static final double ENTRY_W = BOX_W * 2 + 34;
  static final double ROW_H = 44;

  private final int layerIndex;
  private final int filter;
  private final int channel;
  private ActivationTrace neuronTrace;
  private ConvolutionNeuron neuron;

  /**
   * The formula view of input channel {@code channel} of filter {@code filter} of the Conv2D layer
   * {@code layerIndex} of {@code state}'s network.
   *
   * @throws IllegalArgumentException if the layer is not a Conv2D or an index is out of range
   */
  public ConvolutionFormulaView(ExplainerState state, int layerIndex, int filter, int channel) {
    super(state);
    if (!(state.network().layer(layerIndex) instanceof Conv2D conv)) {
      throw new IllegalArgumentException(
          "layer " + layerIndex + " is " + state.network().layer(layerIndex) + ", not a Conv2D");
    }
    if (filter < 0 || filter >= conv.filters() || channel < 0 || channel >= conv.inputChannels()) {
      throw new IllegalArgumentException(
          "filter "
              + filter
              + " / channel "
              + channel
              + " out of range for "
              + conv
              + " ("
              + conv.filters()
              + " filters, "
              + conv.inputChannels()
              + " input channels)");
    }
    this.layerIndex = layerIndex;
    this.filter = filter;
    this.channel = channel;
  }

  @Override
  public String concept() {
    return CONVOLUTION;
  }

  /** The input channel shown. */
  public int channel() {
    return channel;
  }

  private Conv2D conv() {
    return (Conv2D) state().network().layer(layerIndex);
  }

  private ConvolutionNeuron neuron() {
    ActivationTrace trace = state().trace();
    if (trace != neuronTrace) {
      neuron = ConvolutionNeuron.of(trace, layerIndex, filter);
      neuronTrace = trace;
    }
    return neuron;
  }

  @Override
  int[] outputSize() {
    Shape out = state().network().outputShape(layerIndex);
    return new int[] {out.height(), out.width()};
  }

  @Override
  int[] outputForInput(int inputRow, int inputColumn) {
    // The window's top-left corner follows the pointer (as the original), in padded coordinates.
    int[] size = outputSize();
    Conv2D conv = conv();
    int r = inputRow / conv.strideY();
    int c = inputColumn / conv.strideX();
    return new int[] {Math.min(r, size[0] - 1), Math.min(c, size[1] - 1)};
  }

  /** Padding cells {@code {top, left, bottom, right}} drawn around the input grid. */
  private int[] padding() {
    Conv2D conv = conv();
    Shape in = state().network().inputShape(layerIndex);
    int[] out = outputSize();
    int top = Math.max(0, -conv.windowTop(in, 0));
    int left = Math.max(0, -conv.windowLeft(in, 0));
    int bottom = Math.max(0, conv.windowTop(in, out[0] - 1) + conv.kernelHeight() - in.height());
    int right = Math.max(0, conv.windowLeft(in, out[1] - 1) + conv.kernelWidth() - in.width());
    return new int[] {top, left, bottom, right};
  }

  @Override
  Dimension viewSize() {
    Conv2D conv = conv();
    double mathW = conv.kernelWidth() * ENTRY_W + 90;
    double width = MARGIN * 2 + GRID * 2 + mathW + 60;
    int channels = conv.inputChannels();
    int perLine = (int) Math.max(1, (width - 2 * MARGIN - 160) / (BOX_W + 18));
    int lines = (channels + 2 + perLine - 1) / perLine;
    double mathH = conv.kernelHeight() * ROW_H + 40;
    double height = TOP + Math.max(GRID, mathH) + 50 + lines * (BOX_H + 14) + 34;
    return new Dimension((int) Math.ceil(width), (int) Math.ceil(height));
  }

  @Override
  void paintView(Graphics2D g, OpStyle s, ViewHits hits, int row, int col) {
    ActivationTrace trace = state().trace();
    Conv2D conv = conv();
    ConvolutionNeuron n = neuron();
    ConvolutionStep step = ConvolutionStep.of(trace, layerIndex, filter, row, col);
    Font font = s.font();
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    Font bold = font.deriveFont(Font.BOLD);
    double range = OpColors.sharedRange(state().ranges(), layerIndex);
    ColorScale inScale = OpColors.inputScale(trace, layerIndex, state().palette(), range);
    ColorScale outScale = ColorScale.diverging(state().palette().activations(), range);
    // Per-channel partial sums are much smaller than the layer's outputs: they share the elastic
    // view's intermediate scale so they stay legible and match its colours.
    ColorScale interScale =
        ColorScale.diverging(
            state().palette().activations(), ElasticPainter.unitRange(n.intermediates()));
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    ColorScale kScale =
        OpColors.kernelScale(state().palette(), step.kernel(), channel * kh * kw, kh * kw);

    String title =
        "Convolution · "
            + conv.name()
            + " · neuron "
            + filter
            + " · input channel "
            + channel
            + " · output ("
            + row
            + ", "
            + col
            + ")";
    Draw.text(g, title, MARGIN, 22, bold, s.foreground());
    hits.text("title", title);

    // Input grid with padding ring and window.
    Tensor input = trace.inputOf(layerIndex);
    Shape in = input.shape();
    int[] pad = padding();
    int rows = in.height() + pad[0] + pad[2];
    int cols = in.width() + pad[1] + pad[3];
    double cellIn = Math.min(GRID / Math.max(rows, cols), 20);
    String inCaption = "Input (" + in.height() + ", " + in.width() + ")";
    Draw.text(g, inCaption, MARGIN, TOP - 8, font, s.foreground());
    Color padColor = OpStyle.mix(s.background(), s.foreground(), 0.18);
    Rectangle2D inBox =
        Draw.grid(
            g,
            MARGIN,
            TOP,
            cellIn,
            rows,
            cols,
            (r, c) -> {
              int y = r - pad[0];
              int x = c - pad[1];
              boolean inside = y >= 0 && x >= 0 && y < in.height() && x < in.width();
              return inside ? inScale.rgb(input.get(channel, y, x)) : padColor.getRGB() & 0xffffff;
            });
    hits.add(ViewHits.Kind.INPUT_CELL, channel, rows, cols, inBox);
    Rectangle2D window =
        new Rectangle2D.Double(
            MARGIN + (step.windowLeft() + pad[1]) * cellIn,
            TOP + (step.windowTop() + pad[0]) * cellIn,
            kw * cellIn,
            kh * cellIn);
    Draw.outline(g, window, s.foreground(), 1.5f);

    // The k x k arithmetic.
    double mx = MARGIN + GRID + 30;
    double rx =
        KernelMath.paint(
            g,
            s,
            hits,
            step,
            channel,
            new ColorScale[] {inScale, kScale, interScale},
            padColor,
            mx);

    // Output grid: this channel's intermediate map.
    Shape outShape = n.intermediates().shape();
    double ox = rx + BOX_W + 40;
    double cellOut = Math.min(GRID / Math.max(outShape.height(), outShape.width()), 20);
    Draw.text(
        g,
        "Intermediate (" + outShape.height() + ", " + outShape.width() + ")",
        ox,
        TOP - 8,
        font,
        s.foreground());
    Tensor inter = n.intermediates();
    Rectangle2D outBox =
        Draw.grid(
            g,
            ox,
            TOP,
            cellOut,
            outShape.height(),
            outShape.width(),
            (r, c) -> interScale.rgb(inter.get(channel, r, c)));
    hits.add(ViewHits.Kind.OUTPUT_CELL, channel, outShape.height(), outShape.width(), outBox);
    Draw.outline(
        g,
        new Rectangle2D.Double(ox + col * cellOut, TOP + row * cellOut, cellOut, cellOut),
        s.foreground(),
        1.5f);

    // Every channel's sum, the bias and the neuron's value: the numbers add up.
    double by = TOP + Math.max(GRID, kh * ROW_H + 20) + 30;
    Draw.text(
        g,
        "Neuron value at ("
            + row
            + ", "
            + col
            + ") = sum over all "
            + conv.inputChannels()
            + " input channels + bias",
        MARGIN,
        by,
        font,
        s.foreground());
    new SumLine(g, s, hits, MARGIN, by + 10, getWidth() - MARGIN, font, bold)
        .terms(step, channel, interScale, outScale, state().palette());
  }
}
