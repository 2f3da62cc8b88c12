package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.Cell;
import org.cnnexplainer.core.explain.PoolingStep;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.NeuronRef;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.paint.HitMap;
import org.cnnexplainer.viz.paint.VizStyle;

/**
 * The pooling formula view of one channel of a {@link Pooling2D} layer: input grid with the window,
 * {@code max(window) = y} with the largest cell outlined (or {@code avg(window) = sum / count = y}
 * for average pooling), output grid. Values from {@link PoolingStep}.
 */
public final class PoolingFormulaView extends SteppingView {

  private final int layerIndex;
  private final int channel;

  /**
   * The view of channel {@code channel} of pooling layer {@code layerIndex}.
   *
   * @param state the shared state, with a network (the view explains that network's layer)
   * @param layerIndex the index of the pooling layer in the network, 0-based
   * @param channel the channel (feature map) of the layer's output, 0-based
   * @throws IllegalArgumentException if the layer is not a pooling layer or the channel is out of
   *     range
   */
  public PoolingFormulaView(ExplainerState state, int layerIndex, int channel) {
    super(state);
    if (!(network().layer(layerIndex) instanceof Pooling2D)) {
      throw new IllegalArgumentException(
          "layer " + layerIndex + " is " + network().layer(layerIndex) + ", not a pooling layer");
    }
    Shape out = network().outputShape(layerIndex);
    if (channel < 0 || channel >= out.channels()) {
      throw new IllegalArgumentException("channel " + channel + " out of range for output " + out);
    }
    this.layerIndex = layerIndex;
    this.channel = channel;
  }

  private Pooling2D pool() {
    return (Pooling2D) network().layer(layerIndex);
  }

  @Override
  public Optional<NeuronRef> neuron() {
    return Optional.of(new NeuronRef(layerIndex, channel));
  }

  @Override
  public String concept() {
    return POOLING;
  }

  @Override
  int[] outputSize() {
    Shape out = network().outputShape(layerIndex);
    return new int[] {out.height(), out.width()};
  }

  @Override
  int[] outputForInput(int inputRow, int inputColumn) {
    int[] size = outputSize();
    return new int[] {
      Math.min(inputRow / pool().strideY(), size[0] - 1),
      Math.min(inputColumn / pool().strideX(), size[1] - 1)
    };
  }

  @Override
  String title() {
    return pool().type() == Pooling2D.Type.MAX ? "Max pooling" : "Average pooling";
  }

  @Override
  String subtitle(int row, int col) {
    return pool().name() + " · channel " + channel + " · output (" + row + ", " + col + ")";
  }

  private static final double CELL_W = 44;
  private static final double ROW_H = ConvolutionFormulaView.BOX_H + 4;
  private static final double HINT = 16;

  /** Height of the formula under the grids: the window's values in their k×k arrangement. */
  private double formulaHeight() {
    return Math.max(ConvolutionFormulaView.BOX_H, pool().poolHeight() * ROW_H);
  }

  @Override
  public Dimension cardSize(Dimension available) {
    double maxW = Math.min(available.width - 2 * CardChrome.MARGIN, 420);
    double maxH = available.height - CardChrome.CONTENT_TOP - CardChrome.MARGIN;
    double below = 14 + formulaHeight() + 10 + HINT;
    double grid = MapGrids.sideBySide(maxW, maxH, below);
    double formula = 90 + pool().poolWidth() * (CELL_W + 4) + 60 + (isMax() ? 0 : 110);
    double w = Math.max(2 * grid + 24, formula);
    return new Dimension(
        (int) Math.ceil(w + 2 * CardChrome.MARGIN),
        (int)
            Math.ceil(
                MapGrids.CAPTION + grid + below + CardChrome.CONTENT_TOP + CardChrome.MARGIN));
  }

  private boolean isMax() {
    return pool().type() == Pooling2D.Type.MAX;
  }

  @Override
  void paintView(Graphics2D g, VizStyle s, HitMap hits, int row, int col, Rectangle2D content) {
    ActivationTrace trace = trace();
    PoolingStep step = PoolingStep.of(trace, layerIndex, new Cell(channel, row, col));
    boolean max = step.type() == Pooling2D.Type.MAX;
    Font font = s.textFont();
    Font bold = font.deriveFont(Font.BOLD);
    Font small = font.deriveFont(font.getSize2D() * 0.85f);
    ColorScale[] scales = OpColors.pairScales(trace, layerIndex, ranges(), state().palette());
    ColorScale inScale = scales[0];
    ColorScale outScale = scales[1];
    double below = 14 + formulaHeight() + 10 + HINT;
    double grid = MapGrids.sideBySide(content.getWidth(), content.getHeight(), below);
    double x0 = content.getX();
    double top = content.getY() + MapGrids.CAPTION;
    Tensor values = step.values();
    int rows = values.shape().height();
    int cols = values.shape().width();
    MapGrids.inputAndOutput(
        g,
        s,
        hits,
        trace,
        layerIndex,
        channel,
        scales,
        x0,
        top,
        grid,
        new int[] {step.realTop(), step.realLeft(), rows, cols},
        new int[] {row, col, 1, 1});
    double my = top + grid + 14;
    double ty = my + formulaHeight() / 2 + 5;
    double cx = x0;
    cx += Draw.text(g, max ? "max(" : "avg(", cx, ty, bold, s.foreground()) + 4;
    double gy = my + (formulaHeight() - rows * ROW_H + 4) / 2;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = values.get(0, r, c);
        Rectangle2D box =
            MapGrids.box(g, cx + c * (CELL_W + 4), gy + r * ROW_H, CELL_W, inScale, v, font);
        hits.text("value " + r + " " + c, DisplayNumbers.two(v));
        boolean isMax =
            step.maxCell().row() == step.realTop() + r
                && step.maxCell().column() == step.realLeft() + c;
        if (max && isMax) {
          Draw.outline(g, box, s.selection(), 2f);
        }
      }
    }
    cx += cols * (CELL_W + 4) + 2;
    cx += Draw.text(g, ") =", cx, ty, bold, s.foreground()) + 6;
    if (!max) {
      String frac = DisplayNumbers.two(step.sum()) + " / " + step.count() + " =";
      hits.text("sum", DisplayNumbers.two(step.sum()));
      hits.text("count", Integer.toString(step.count()));
      cx += Draw.text(g, frac, cx, ty, font, s.foreground()) + 6;
    }
    MapGrids.box(g, cx, ty - 15, 54, outScale, step.outputValue(), bold);
    hits.text("output", DisplayNumbers.two(step.outputValue()));
    Draw.text(
        g,
        Draw.fit(
            g, "Hover over a grid to move the window · arrow keys step", small, content.getWidth()),
        x0,
        my + formulaHeight() + 10 + HINT - 4,
        small,
        s.muted());
  }
}
