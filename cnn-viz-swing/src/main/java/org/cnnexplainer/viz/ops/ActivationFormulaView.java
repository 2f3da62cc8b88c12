package org.cnnexplainer.viz.ops;

import java.awt.BasicStroke;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.explain.ActivationStep;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.layer.Activation;
import org.cnnexplainer.core.layer.ActivationLayer;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The activation formula view of one channel of an element-wise {@link ActivationLayer}: input
 * grid, {@code max(0, x) = y} for ReLU (or {@code f(x) = y} with the function's curve and the point
 * {@code (x, y)} for sigmoid, tanh and the others), output grid. Values from {@link
 * ActivationStep}.
 */
public final class ActivationFormulaView extends SteppingView {
  private final int layerIndex;
  private final int channel;

  /**
   * The view of channel {@code channel} of activation layer {@code layerIndex}.
   *
   * @param state the shared state, with a network (the view explains that network's layer)
   * @param layerIndex the index of the activation layer in the network, 0-based
   * @param channel the channel (feature map) of the layer's output, 0-based
   * @throws IllegalArgumentException if the layer is not an element-wise Activation layer with an
   *     image output, or the channel is out of range
   */
  public ActivationFormulaView(ExplainerState state, int layerIndex, int channel) {
    super(state);
    Shape out = network().outputShape(layerIndex);
    if (!(network().layer(layerIndex) instanceof ActivationLayer a)
        || !a.activation().isElementwise()
        || !out.isImage()) {
      throw new IllegalArgumentException(
          "layer "
              + layerIndex
              + " is "
              + network().layer(layerIndex)
              + ", expected an element-wise Activation layer with an image output");
    }
    if (channel < 0 || channel >= out.channels()) {
      throw new IllegalArgumentException("channel " + channel + " out of range for output " + out);
    }
    this.layerIndex = layerIndex;
    this.channel = channel;
  }

  private Activation activation() {
    return ((ActivationLayer) network().layer(layerIndex)).activation();
  }

  @Override
  public Optional<NeuronRef> neuron() {
    return Optional.of(new NeuronRef(layerIndex, channel));
  }

  @Override
  public String concept() {
    return activation() == Activation.RELU ? RELU : ACTIVATION;
  }

  @Override
  int[] outputSize() {
    Shape out = network().outputShape(layerIndex);
    return new int[] {out.height(), out.width()};
  }

  @Override
  int[] outputForInput(int inputRow, int inputColumn) {
    return new int[] {inputRow, inputColumn};
  }

  @Override
  String title() {
    return activation() == Activation.RELU
        ? "ReLU activation"
        : "Activation " + activation().tfjsName();
  }

  @Override
  String subtitle(int row, int col) {
    return network().layer(layerIndex).name()
        + " · channel "
        + channel
        + " · pixel ("
        + row
        + ", "
        + col
        + ")";
  }

  /** Height of the formula row under the grids. */
  private double formulaHeight() {
    return activation() == Activation.RELU ? BOX_H + 8 : CURVE_H + BOX_H + 14;
  }

  private static final double BOX_H = ConvolutionFormulaView.BOX_H;
  private static final double CURVE_H = 84;

  @Override
  public Dimension cardSize(Dimension available) {
    double maxW = Math.min(available.width - 2 * CardChrome.MARGIN, 420);
    double maxH = available.height - CardChrome.CONTENT_TOP - CardChrome.MARGIN;
    double below = 14 + formulaHeight() + 10 + HINT;
    double grid = MapGrids.sideBySide(maxW, maxH, below);
    double w = Math.max(2 * grid + 24, 260);
    return new Dimension(
        (int) Math.ceil(w + 2 * CardChrome.MARGIN),
        (int)
            Math.ceil(
                MapGrids.CAPTION + grid + below + CardChrome.CONTENT_TOP + CardChrome.MARGIN));
  }

  private static final double HINT = 16;

  @Override
  void paintView(Graphics2D g, VizStyle s, HitMap hits, int row, int col, Rectangle2D content) {
    ActivationTrace trace = trace();
    ActivationStep step = ActivationStep.of(trace, layerIndex, new Cell(channel, row, col));
    Font font = s.textFont();
    Font bold = font.deriveFont(Font.BOLD);
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    ColorScale[] scales = OpColors.pairScales(trace, layerIndex, ranges(), state().palette());
    ColorScale inScale = scales[0];
    ColorScale outScale = scales[1];
    Activation act = activation();
    double below = 14 + formulaHeight() + 10 + HINT;
    double grid = MapGrids.sideBySide(content.getWidth(), content.getHeight(), below);
    double x0 = content.getX();
    double top = content.getY() + MapGrids.CAPTION;
    int[] window = {row, col, 1, 1};
    MapGrids.inputAndOutput(
        g, s, hits, trace, layerIndex, channel, scales, x0, top, grid, window, window);
    String x = DisplayNumbers.two(step.inputValue());
    String y = DisplayNumbers.two(step.outputValue());
    hits.text("input", x);
    hits.text("output", y);
    double my = top + grid + 14;
    double cx = x0;
    if (act == Activation.RELU) {
      cx += Draw.text(g, "max(", cx, my + 15, bold, s.foreground()) + 4;
      MapGrids.box(g, cx, my, 44, outScale, 0, font);
      hits.text("zero", DisplayNumbers.two(0));
      cx += 48;
      cx += Draw.text(g, ",", cx, my + 15, bold, s.foreground()) + 4;
      MapGrids.box(g, cx, my, 54, inScale, step.inputValue(), font);
      cx += 58;
      cx += Draw.text(g, ") =", cx, my + 15, bold, s.foreground()) + 6;
      MapGrids.box(g, cx, my, 54, outScale, step.outputValue(), bold);
    } else {
      curve(g, s, act, step, x0 + 10, my, Math.min(220, content.getWidth() - 20), CURVE_H);
      double cy = my + CURVE_H + 8;
      cx += Draw.text(g, act.tfjsName() + "(", cx, cy + 15, bold, s.foreground()) + 4;
      MapGrids.box(g, cx, cy, 54, inScale, step.inputValue(), font);
      cx += 58;
      cx += Draw.text(g, ") =", cx, cy + 15, bold, s.foreground()) + 6;
      MapGrids.box(g, cx, cy, 54, outScale, step.outputValue(), bold);
    }
    Draw.text(
        g,
        Draw.fit(
            g, "Hover over a grid to pick a pixel · arrow keys step", small, content.getWidth()),
        x0,
        my + formulaHeight() + 10 + HINT - 4,
        small,
        s.muted());
  }

  /** The function's curve over a window around x, with the point (x, y) marked. */
  private static void curve(
      Graphics2D g,
      VizStyle s,
      Activation act,
      ActivationStep step,
      double x0,
      double y0,
      double w,
      double h) {
    double span = Math.max(6, Math.abs(step.inputValue()) * 1.3);
    double lo = Double.MAX_VALUE;
    double hi = -Double.MAX_VALUE;
    int n = 80;
    double[] ys = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      ys[i] = act.apply((float) (-span + 2 * span * i / n));
      lo = Math.min(lo, ys[i]);
      hi = Math.max(hi, ys[i]);
    }
    if (hi - lo < 1e-9) {
      hi = lo + 1;
    }
    Rectangle2D frame = new Rectangle2D.Double(x0, y0, w, h);
    g.setColor(s.grid());
    g.setStroke(new BasicStroke(0.8f));
    g.draw(frame);
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i <= n; i++) {
      double px = x0 + w * i / n;
      double py = y0 + h - h * (ys[i] - lo) / (hi - lo);
      if (i == 0) {
        path.moveTo(px, py);
      } else {
        path.lineTo(px, py);
      }
    }
    g.setColor(s.foreground());
    g.setStroke(new BasicStroke(1.5f));
    g.draw(path);
    double px = x0 + w * (step.inputValue() + span) / (2 * span);
    double py = y0 + h - h * (step.outputValue() - lo) / (hi - lo);
    g.setColor(s.selection());
    g.fill(new Ellipse2D.Double(px - 4, py - 4, 8, 8));
  }
}
