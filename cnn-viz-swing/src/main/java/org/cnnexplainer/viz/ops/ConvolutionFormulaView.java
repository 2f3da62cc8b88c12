package org.cnnexplainer.viz.ops;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.ConvolutionNeuron;
import org.cnnexplainer.core.explain.ConvolutionStep;
import org.cnnexplainer.core.layer.Conv2D;
import org.cnnexplainer.viz.EditListener;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The convolution formula view of one input channel of one Conv2D neuron: the input channel with
 * the current window, the k×k arithmetic {@code value × weight} with each product, their sum (the
 * intermediate value), the output (intermediate) grid, and below it every channel's sum plus the
 * bias and the neuron's final value, so the numbers on screen add up. Values are rounded to 2
 * decimals for display only; all come from {@link ConvolutionStep} and {@link ConvolutionNeuron}.
 *
 * <p>With an {@link #setEditListener edit listener}, the kernel weights and the bias can be changed
 * here: drag one up or down, turn the wheel over it, double-click it to type a value; with the
 * keyboard, {@code [} and {@code ]} pick a weight (outlined), {@code +} and {@code -} nudge it and
 * Enter types a value. The view only asks ({@link EditListener}); once the listener has applied the
 * edit and the state's trace follows, every number here is the edited network's.
 */
public final class ConvolutionFormulaView extends SteppingView {
  static final double BOX_W = 44;

  /** At most this many lines of channel sums; more channels are summarised as "… N more". */
  private static final int SUM_LINES = 4;

  static final double BOX_H = 20;

  private final int layerIndex;
  private final int filter;
  private final int channel;
  private final WeightGestures weights;
  private ActivationTrace neuronTrace;
  private ConvolutionNeuron neuron;

  /**
   * The formula view of input channel {@code channel} of filter {@code filter} of the Conv2D layer
   * {@code layerIndex} of {@code state}'s network.
   *
   * @param state the shared state, with a network
   * @param layerIndex the index of the Conv2D layer in the network, 0-based
   * @param filter the filter (output channel), 0-based
   * @param channel the input channel whose kernel slice the view shows, 0-based
   * @throws IllegalArgumentException if the layer is not a Conv2D or an index is out of range
   */
  public ConvolutionFormulaView(ExplainerState state, int layerIndex, int filter, int channel) {
    super(state);
    if (!(network().layer(layerIndex) instanceof Conv2D conv)) {
      throw new IllegalArgumentException(
          "layer " + layerIndex + " is " + network().layer(layerIndex) + ", not a Conv2D");
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
    this.weights = new WeightGestures(this, state, layerIndex, filter, this::hits);
    weights.bindKeys();
    addFocusListener(
        new java.awt.event.FocusAdapter() {
          @Override
          public void focusGained(java.awt.event.FocusEvent e) {
            repaint(); // the keyboard cursor's outline shows only while focused
          }

          @Override
          public void focusLost(java.awt.event.FocusEvent e) {
            repaint();
          }
        });
    int k = conv.kernelHeight() * conv.kernelWidth();
    weights.setCursor(channel * k + k / 2); // the middle weight of the channel shown
  }

  /**
   * Lets the learner change this neuron's kernel weights and bias in the view (see the class
   * comment); {@code null} (the default) makes the view read-only.
   *
   * @param listener who applies the edits, or null
   */
  public void setEditListener(EditListener listener) {
    weights.setListener(listener);
  }

  /**
   * The weight the keyboard acts on: its flat index in the neuron's kernel ({@code (channel *
   * kernelHeight + row) * kernelWidth + column}, the {@link HitMap.Kind#WEIGHT} index), or -1 for
   * the bias.
   *
   * @return the weight under the keyboard cursor
   */
  public int weightCursor() {
    return weights.cursor();
  }

  @Override
  public Optional<NeuronRef> neuron() {
    return Optional.of(new NeuronRef(layerIndex, filter));
  }

  @Override
  public String concept() {
    return CONVOLUTION;
  }

  /** {@return the input channel shown, 0-based} */
  public int channel() {
    return channel;
  }

  private Conv2D conv() {
    return (Conv2D) network().layer(layerIndex);
  }

  private ConvolutionNeuron convolution() {
    ActivationTrace trace = trace();
    if (trace != neuronTrace) {
      neuron = ConvolutionNeuron.of(trace, layerIndex, filter);
      neuronTrace = trace;
    }
    return neuron;
  }

  @Override
  int[] outputSize() {
    Shape out = network().outputShape(layerIndex);
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
    Shape in = network().inputShape(layerIndex);
    int[] out = outputSize();
    int top = Math.max(0, -conv.windowTop(in, 0));
    int left = Math.max(0, -conv.windowLeft(in, 0));
    int bottom = Math.max(0, conv.windowTop(in, out[0] - 1) + conv.kernelHeight() - in.height());
    int right = Math.max(0, conv.windowLeft(in, out[1] - 1) + conv.kernelWidth() - in.width());
    return new int[] {top, left, bottom, right};
  }

  @Override
  String title() {
    return "Convolution";
  }

  @Override
  String subtitle(int row, int col) {
    return conv().name()
        + " · neuron "
        + filter
        + " · input channel "
        + channel
        + " · output ("
        + row
        + ", "
        + col
        + ")";
  }

  /** Where the parts of the card go in a content area of {@code width x height}. */
  private record Layout(double grid, KernelMath.Layout math, int sumLines, double height) {}

  private Layout layout(Graphics2D g, VizStyle s, ConvolutionStep step, double width, double h) {
    Layout last = null;
    for (double grid = MapGrids.MAX_SIZE; grid >= MapGrids.MIN_SIZE; grid -= 12) {
      double w = Math.max(width, 2 * grid + 24);
      KernelMath.Layout math = KernelMath.layout(g, s, step, channel, w);
      ColorScale[] any = {ColorScale.input(state().palette().input()), any(), any()};
      double sumBottom =
          SumLine.paint(
              g, s, new HitMap(), step, channel, any, state().palette(), 0, 0, w, SUM_LINES, false);
      int lines = (int) Math.round((sumBottom - BOX_H) / SumLine.ROW) + 1;
      double height =
          MapGrids.CAPTION
              + grid
              + 12
              + math.height()
              + 12
              + Draw.lineHeight(g, small(s))
              + sumBottom
              + 8
              + Draw.lineHeight(g, small(s));
      last = new Layout(grid, math, lines, height);
      if (height <= h && 2 * grid + 24 <= width) {
        return last;
      }
    }
    return last;
  }

  private ColorScale any() {
    return ColorScale.diverging(state().palette().activations(), 1);
  }

  private static Font small(VizStyle s) {
    return s.textFont().deriveFont(s.textFont().getSize2D() * 0.85f);
  }

  @Override
  public Dimension cardSize(Dimension available) {
    Graphics2D g = Measure.graphics();
    try {
      VizStyle s = VizStyle.fromUIManager();
      int[] size = outputSize();
      ConvolutionStep step =
          ConvolutionStep.of(trace(), layerIndex, new Cell(filter, size[0] / 2, size[1] / 2));
      double maxW = available.width - 2 * CardChrome.MARGIN;
      double maxH = available.height - CardChrome.CONTENT_TOP - CardChrome.MARGIN;
      double width = Math.min(maxW, 460);
      Layout layout = layout(g, s, step, width, maxH);
      double w = Math.max(Math.max(2 * layout.grid() + 24, layout.math().width()), 300);
      return new Dimension(
          (int) Math.ceil(w + 2 * CardChrome.MARGIN),
          (int) Math.ceil(layout.height() + CardChrome.CONTENT_TOP + CardChrome.MARGIN));
    } finally {
      g.dispose();
    }
  }

  @Override
  void paintView(Graphics2D g, VizStyle s, HitMap hits, int row, int col, Rectangle2D content) {
    ActivationTrace trace = trace();
    Conv2D conv = conv();
    ConvolutionNeuron n = convolution();
    ConvolutionStep step = ConvolutionStep.of(trace, layerIndex, new Cell(filter, row, col));
    Font small = small(s);
    double range = OpColors.sharedRange(ranges(), layerIndex);
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
    Layout layout = layout(g, s, step, content.getWidth(), content.getHeight());
    double x0 = content.getX();
    double grid = layout.grid();
    double top = content.getY() + MapGrids.CAPTION;

    // Input grid with padding ring and window.
    Tensor input = trace.inputOf(layerIndex);
    Shape in = input.shape();
    int[] pad = padding();
    int rows = in.height() + pad[0] + pad[2];
    int cols = in.width() + pad[1] + pad[3];
    double cellIn = MapGrids.cell(rows, cols, grid);
    Font captionFont = s.textFont().deriveFont(s.textFont().getSize2D() * 0.9f);
    Draw.text(
        g,
        "Input (" + in.height() + ", " + in.width() + ")",
        x0,
        top - 5,
        captionFont,
        s.foreground());
    Color padColor = VizStyle.mix(s.background(), s.foreground(), 0.18);
    Rectangle2D inBox =
        Draw.grid(
            g,
            x0,
            top,
            cellIn,
            rows,
            cols,
            (r, c) -> {
              int y = r - pad[0];
              int x = c - pad[1];
              boolean inside = y >= 0 && x >= 0 && y < in.height() && x < in.width();
              return inside ? inScale.rgb(input.get(channel, y, x)) : padColor.getRGB() & 0xffffff;
            });
    hits.add(HitMap.Kind.INPUT_CELL, channel, rows, cols, inBox);
    Rectangle2D window =
        new Rectangle2D.Double(
            x0 + (step.windowLeft() + pad[1]) * cellIn,
            top + (step.windowTop() + pad[0]) * cellIn,
            kw * cellIn,
            kh * cellIn);
    Draw.outline(g, window, s.foreground(), 1.5f);

    // Output grid: this channel's intermediate map.
    Shape outShape = n.intermediates().shape();
    double ox = x0 + grid + 24;
    Tensor inter = n.intermediates();
    Rectangle2D outBox =
        MapGrids.paint(
            g,
            s,
            hits,
            HitMap.Kind.OUTPUT_CELL,
            "Intermediate",
            inter,
            channel,
            interScale,
            ox,
            top,
            grid,
            new int[] {row, col, 1, 1});

    // The k x k arithmetic.
    double mathTop = top + grid + 12;
    KernelMath.paint(
        g,
        s,
        hits,
        step,
        channel,
        new ColorScale[] {inScale, kScale, interScale},
        padColor,
        x0,
        mathTop,
        layout.math());

    // Every channel's sum, the bias and the neuron's value: the numbers add up.
    double by = mathTop + layout.math().height() + 12 + Draw.lineHeight(g, small);
    Draw.text(
        g,
        "Neuron value at ("
            + row
            + ", "
            + col
            + ") = the sums of all "
            + conv.inputChannels()
            + " input channels + bias",
        x0,
        by - 4,
        small,
        s.muted());
    double bottom =
        SumLine.paint(
            g,
            s,
            hits,
            step,
            channel,
            new ColorScale[] {interScale, outScale},
            state().palette(),
            x0,
            by,
            content.getMaxX(),
            SUM_LINES,
            true);
    if (weights.listener() != null && isFocusOwner()) {
      weights.cursorBounds().ifPresent(r -> Draw.outline(g, r, s.selection(), 2f));
    }
    String hint =
        weights.listener() == null
            ? "Hover a grid to move the window · arrows step · space plays"
            : "Drag, scroll or double-click a weight or the bias to change it · [ ] pick,"
                + " + − nudge, Enter types · arrows step";
    Draw.text(
        g,
        Draw.fit(g, hint, small, content.getWidth()),
        x0,
        bottom + 8 + Draw.lineHeight(g, small) - 4,
        small,
        s.muted());
  }
}
