package org.cnnexplainer.core.explain;

import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.core.layer.Flatten;

/**
 * Where each value of a {@link Flatten} layer's output comes from. Two orders matter:
 *
 * <ul>
 *   <li>the <b>index</b> into the flattened vector, TF.js's channel-last order {@code index = (row
 *       * W + column) * C + channel}; Dense kernel rows use this order;
 *   <li>the <b>display position</b> the original CNN Explainer draws, channel-major {@code position
 *       = channel * H * W + row * W + column} (each channel's map row by row).
 * </ul>
 *
 * Source shape {@code (C, H, W)}, vector {@code (C * H * W)}.
 */
public final class FlattenMapping {
  private final int layerIndex;
  private final String layerName;
  private final Shape source;
  private final Tensor values;

  private FlattenMapping(int layerIndex, String layerName, Shape source, Tensor values) {
    this.layerIndex = layerIndex;
    this.layerName = layerName;
    this.source = source;
    this.values = values;
  }

  /**
   * {@return the mapping of the Flatten layer {@code flattenLayerIndex}}
   *
   * @param trace the traced forward pass to explain (its network, input and every layer's output)
   * @param flattenLayerIndex the index of a Flatten layer in the trace's network
   * @throws IllegalArgumentException if that layer is not a Flatten or its input is not an image
   */
  public static FlattenMapping of(ActivationTrace trace, int flattenLayerIndex) {
    Flatten flatten = Checks.layer(trace, flattenLayerIndex, Flatten.class, "a Flatten layer");
    Shape in = trace.inputOf(flattenLayerIndex).shape();
    if (!in.isImage()) {
      throw new IllegalArgumentException(
          "layerIndex "
              + flattenLayerIndex
              + " is "
              + flatten
              + " with input shape "
              + in
              + ", expected a (channels, height, width) input");
    }
    return new FlattenMapping(
        flattenLayerIndex, flatten.name(), in, trace.output(flattenLayerIndex));
  }

  /** {@return the index of the Flatten layer} */
  public int layerIndex() {
    return layerIndex;
  }

  /** {@return the name of the Flatten layer} */
  public String layerName() {
    return layerName;
  }

  /** {@return the shape of the flattened image, {@code (C, H, W)}} */
  public Shape sourceShape() {
    return source;
  }

  /** {@return length of the vector, {@code C * H * W}} */
  public int size() {
    return source.size();
  }

  /**
   * {@return the vector index (TF.js order) of source cell {@code cell}}
   *
   * @param cell a cell of the Flatten layer's input
   */
  public int index(Cell cell) {
    return Flatten.flatIndex(source, cell.channel(), cell.row(), cell.column());
  }

  /**
   * {@return the source cell of vector index {@code index}}
   *
   * @param index the vector index, from 0 to {@link #size()} - 1
   */
  public Cell source(int index) {
    int[] s = Flatten.sourceOf(source, index);
    return new Cell(s[0], s[1], s[2]);
  }

  /**
   * {@return the channel-major display position of vector index {@code index}}
   *
   * @param index the vector index, from 0 to {@link #size()} - 1
   */
  public int displayPosition(int index) {
    Cell cell = source(index);
    return (cell.channel() * source.height() + cell.row()) * source.width() + cell.column();
  }

  /**
   * {@return the vector index shown at channel-major display position {@code position}}
   *
   * @param position the display position, from 0 to {@link #size()} - 1
   */
  public int indexAtDisplay(int position) {
    Checks.index("position", position, size(), "flatten '" + layerName + "' (" + size() + ")");
    int plane = source.height() * source.width();
    int pixel = position % plane;
    return Flatten.flatIndex(
        source, position / plane, pixel / source.width(), pixel % source.width());
  }

  /**
   * {@return the traced value at vector index {@code index}}
   *
   * @param index the vector index, from 0 to {@link #size()} - 1
   */
  public float value(int index) {
    Checks.index("index", index, size(), "flatten '" + layerName + "' (" + size() + ")");
    return values.at(index);
  }
}
