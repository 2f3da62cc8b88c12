package org.cnnexplainer.viz.ops;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.explain.PoolingStep;
import org.cnnexplainer.core.layer.Pooling2D;
import org.cnnexplainer.viz.ExplainerState;
import org.cnnexplainer.viz.color.ColorScale;

/**
 * The pooling formula view of one channel of a {@link Pooling2D} layer: input grid with the window,
 * {@code max(window) = y} with the largest cell outlined (or {@code avg(window) = sum / count = y}
 * for average pooling), output grid. Values from {@link PoolingStep}.
 */
public final class PoolingFormulaView extends SteppingView {
  private static final double MIDDLE = 320;

  private final int layerIndex;
  private final int channel;

  /**
   * The view of channel {@code channel} of pooling layer {@code layerIndex}.
   *
   * @throws IllegalArgumentException if the layer is not a pooling layer or the channel is out of
   *     range
   */
  public PoolingFormulaView(ExplainerState state, int layerIndex, int channel) {
    super(state);
    if (!(state.network().layer(layerIndex) instanceof Pooling2D)) {
      throw new IllegalArgumentException(
          "layer "
              + layerIndex
              + " is "
              + state.network().layer(layerIndex)
              + ", not a pooling layer");
    }
    Shape out = state.network().outputShape(layerIndex);
    if (channel < 0 || channel >= out.channels()) {
      throw new IllegalArgumentException("channel " + channel + " out of range for output " + out);
    }
    this.layerIndex = layerIndex;
    this.channel = channel;
  }

  private Pooling2D pool() {
    return (Pooling2D) state().network().layer(layerIndex);
  }

  @Override
  public String concept() {
    return POOLING;
  }

  @Override
  int[] outputSize() {
    Shape out = state().network().outputShape(layerIndex);
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
  Dimension viewSize() {
    return new Dimension((int) (2 * MapGrids.SIZE + MIDDLE + 64), (int) (MapGrids.SIZE + 90));
  }

  @Override
  void paintView(Graphics2D g, OpStyle s, ViewHits hits, int row, int col) {
    ActivationTrace trace = state().trace();
    PoolingStep step = PoolingStep.of(trace, layerIndex, channel, row, col);
    boolean max = step.type() == Pooling2D.Type.MAX;
    Font font = s.font();
    Font bold = font.deriveFont(Font.BOLD);
    double range = OpColors.sharedRange(state().ranges(), layerIndex);
    ColorScale inScale = OpColors.inputScale(trace, layerIndex, state().palette(), range);
    ColorScale outScale = ColorScale.diverging(state().palette().activations(), range);
    String title =
        (max ? "Max pooling" : "Average pooling")
            + " · "
            + step.layerName()
            + " · channel "
            + channel
            + " · output ("
            + row
            + ", "
            + col
            + ")";
    Draw.text(g, title, 16, 22, bold, s.foreground());
    hits.text("title", title);
    double top = 58;
    Tensor values = step.values();
    int rows = values.shape().height();
    int cols = values.shape().width();
    MapGrids.paint(
        g,
        s,
        hits,
        ViewHits.Kind.INPUT_CELL,
        "Input",
        trace.inputOf(layerIndex),
        channel,
        inScale,
        16,
        top,
        new int[] {step.realTop(), step.realLeft(), rows, cols});
    double mx = 16 + MapGrids.SIZE + 24;
    double cellW = 50;
    double gridW = cols * (cellW + 4);
    double gy = top + MapGrids.SIZE / 2 - rows * (ConvolutionFormulaView.BOX_H + 4) / 2;
    double cx = mx;
    cx +=
        Draw.text(g, max ? "max(" : "avg(", cx, top + MapGrids.SIZE / 2 + 5, bold, s.foreground())
            + 4;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = values.get(0, r, c);
        Rectangle2D box =
            MapGrids.box(
                g,
                cx + c * (cellW + 4),
                gy + r * (ConvolutionFormulaView.BOX_H + 4),
                cellW,
                inScale,
                v,
                font);
        hits.text("value " + r + " " + c, DisplayNumbers.two(v));
        boolean isMax =
            step.maxCell().row() == step.realTop() + r
                && step.maxCell().column() == step.realLeft() + c;
        if (max && isMax) {
          Draw.outline(g, box, s.highlight(), 2f);
        }
      }
    }
    cx += gridW + 2;
    double ty = top + MapGrids.SIZE / 2 + 5;
    cx += Draw.text(g, ") =", cx, ty, bold, s.foreground()) + 6;
    if (!max) {
      String frac = DisplayNumbers.two(step.sum()) + " / " + step.count() + " =";
      hits.text("sum", DisplayNumbers.two(step.sum()));
      hits.text("count", Integer.toString(step.count()));
      cx += Draw.text(g, frac, cx, ty, font, s.foreground()) + 6;
    }
    MapGrids.box(g, cx, ty - 16, 54, outScale, step.output(), bold);
    hits.text("output", DisplayNumbers.two(step.output()));
    MapGrids.paint(
        g,
        s,
        hits,
        ViewHits.Kind.OUTPUT_CELL,
        "Output",
        trace.output(layerIndex),
        channel,
        outScale,
        mx + MIDDLE,
        top,
        new int[] {row, col, 1, 1});
  }
}
