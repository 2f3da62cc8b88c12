package org.cnnexplainer.core.explain;

import java.util.Objects;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Position;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Pooling2D;

/**
 * One output value of a {@link Pooling2D} layer with its window, as the pooling formula view shows
 * it. The window spans input rows {@code windowTop .. windowTop + poolHeight - 1} and the matching
 * columns; only its cells inside the input take part (padding is ignored):
 *
 * <pre>
 * max pooling:     result = max(values)                  at {@link #maxCell()}
 * average pooling: result = sum(values) / count          count = number of real cells
 * </pre>
 *
 * {@link #values()} holds the real cells only, shape {@code (1, rows, columns)}, starting at input
 * cell {@code (realTop, realLeft)}.
 */
public final class PoolingStep {
  private final int layerIndex;
  private final String layerName;
  private final Pooling2D.Type type;
  private final int channel;
  private final Position position;
  private final int windowTop;
  private final int windowLeft;
  private final int poolHeight;
  private final int poolWidth;
  private final int realTop;
  private final int realLeft;
  private final Tensor values;
  private final Cell maxCell;
  private final float sum;
  private final float result;
  private final float outputValue;

  private PoolingStep(
      Pooling2D pool,
      int layerIndex,
      int channel,
      Position position,
      Tensor in,
      float outputValue) {
    Shape shape = in.shape();
    this.layerIndex = layerIndex;
    this.layerName = pool.name();
    this.type = pool.type();
    this.channel = channel;
    this.position = position;
    this.windowTop = pool.windowTop(shape, position.row());
    this.windowLeft = pool.windowLeft(shape, position.column());
    this.poolHeight = pool.poolHeight();
    this.poolWidth = pool.poolWidth();
    this.realTop = Math.max(windowTop, 0);
    this.realLeft = Math.max(windowLeft, 0);
    int rows = Math.min(windowTop + poolHeight, shape.height()) - realTop;
    int columns = Math.min(windowLeft + poolWidth, shape.width()) - realLeft;
    float[] cells = new float[rows * columns];
    double total = 0;
    int best = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int i = r * columns + c;
        cells[i] = in.get(channel, realTop + r, realLeft + c);
        total += cells[i];
        if (cells[i] > cells[best]) {
          best = i;
        }
      }
    }
    this.values = Tensor.of(Shape.image(1, rows, columns), cells);
    this.maxCell = new Cell(channel, realTop + best / columns, realLeft + best % columns);
    this.sum = (float) total;
    this.result = type == Pooling2D.Type.MAX ? cells[best] : (float) (total / cells.length);
    this.outputValue = outputValue;
  }

  /**
   * Explains one output value of the pooling layer {@code layerIndex}.
   *
   * @param trace the traced forward pass holding the layer's input and output
   * @param layerIndex the index of a {@link Pooling2D} layer in the trace's network
   * @param cell the output value: channel, output row and output column
   * @return the value's window, its real cells and the pooled value rebuilt from them
   * @throws IllegalArgumentException if the layer is not a pooling layer or the channel or position
   *     is out of range
   */
  public static PoolingStep of(ActivationTrace trace, int layerIndex, Cell cell) {
    Pooling2D pool =
        Checks.layer(
            trace, layerIndex, Pooling2D.class, "a MaxPooling2D or AveragePooling2D layer");
    Objects.requireNonNull(cell, "cell");
    Tensor traced = trace.output(layerIndex);
    Shape out = traced.shape();
    Checks.index("channel", cell.channel(), out.channels(), pool + " output " + out);
    Checks.position(cell.position(), out, pool + " output " + out);
    return new PoolingStep(
        pool,
        layerIndex,
        cell.channel(),
        cell.position(),
        trace.inputOf(layerIndex),
        traced.get(cell.channel(), cell.row(), cell.column()));
  }

  /** {@return the index of the pooling layer} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the name of the pooling layer, e.g. {@code max_pool_1}} */
  public String layerName() {
    return layerName;
  }

  /** {@return max or average} */
  public Pooling2D.Type type() {
    return type;
  }

  /** {@return the channel pooled (the same in input and output)} */
  public int channel() {
    return channel;
  }

  /**
   * Where the explained value lies on the channel's output map.
   *
   * @return the output row and column
   */
  public Position position() {
    return position;
  }

  /** {@return the input row of the full window's top edge; negative when it starts in padding} */
  public int windowTop() {
    return windowTop;
  }

  /**
   * {@return the input column of the full window's left edge; negative when it starts in padding}
   */
  public int windowLeft() {
    return windowLeft;
  }

  /** {@return the window height, padding included} */
  public int poolHeight() {
    return poolHeight;
  }

  /** {@return the window width, padding included} */
  public int poolWidth() {
    return poolWidth;
  }

  /** {@return the input row of {@code values()}' first row} */
  public int realTop() {
    return realTop;
  }

  /** {@return the input column of {@code values()}' first column} */
  public int realLeft() {
    return realLeft;
  }

  /** {@return the window's real cells, shape {@code (1, rows, columns)}} */
  public Tensor values() {
    return values;
  }

  /** {@return the number of real cells, the divisor of average pooling} */
  public int count() {
    return values.size();
  }

  /** {@return the largest real cell's input position (the first one in row-major order on ties)} */
  public Cell maxCell() {
    return maxCell;
  }

  /** {@return the largest real value} */
  public float max() {
    return values.max();
  }

  /** {@return the sum of the real cells (accumulated in double)} */
  public float sum() {
    return sum;
  }

  /**
   * {@return the pooled value rebuilt from {@link #values()}: {@code max} or {@code sum / count}}
   */
  public float result() {
    return result;
  }

  /**
   * The value the network computed for this cell during the trace (what the overview shows); it
   * equals {@link #result()} within float rounding.
   *
   * @return the traced output value
   */
  public float outputValue() {
    return outputValue;
  }
}
