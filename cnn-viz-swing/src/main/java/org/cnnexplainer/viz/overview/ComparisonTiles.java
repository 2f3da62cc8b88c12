package org.cnnexplainer.viz.overview;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.Shape;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;
import org.cnnexplainer.viz.color.RangeMode;

/**
 * The overview's heat-maps when it compares the shown trace with the state's reference trace:
 *
 * <ul>
 *   <li>{@linkplain #difference difference}: every map coloured by {@code shown − reference} on a
 *       diverging scale whose ranges follow the range mode's units, modules and spans ({@link
 *       LayerRanges#ofDifferences}); the input column has its own range;
 *   <li>{@linkplain #sideBySide side by side} (a pinned image: the reference is of another input):
 *       two thumbnails per node, the shown trace's map on the left and the pinned image's on the
 *       right, both on the shown trace's colour scale so equal colours mean equal values.
 * </ul>
 *
 * Each is computed once per pair of traces (and range mode, palette, background) and reused.
 */
final class ComparisonTiles {
  /**
   * The difference of two traces, coloured.
   *
   * @param tiles the tiles, per column and node (null entries for columns without maps)
   * @param ranges the layers' difference ranges
   * @param inputRange the input column's range
   * @param values the differences: index 0 the input, {@code i + 1} layer {@code i}
   */
  record Difference(
      BufferedImage[][] tiles, LayerRanges ranges, double inputRange, Tensor[] values) {
    /**
     * The difference of layer {@code layer}'s outputs ({@link org.cnnexplainer.viz.NeuronRef#INPUT}
     * = -1: the input).
     */
    Tensor of(int layer) {
      return values[layer + 1];
    }
  }

  private Object differenceKey;
  private Difference difference;
  private Object sideKey;
  private BufferedImage[][] side;

  /**
   * Forgets both comparisons, so that their tiles and the traces in their keys can be collected.
   */
  void release() {
    differenceKey = null;
    difference = null;
    sideKey = null;
    side = null;
  }

  /** {@code shown − reference}, coloured (the traces are of networks with the same layers). */
  Difference difference(
      List<ColumnSpec> columns,
      ActivationTrace shown,
      ActivationTrace reference,
      RangeMode mode,
      Palette palette) {
    Object key = List.of(shown, reference, mode, palette);
    if (!key.equals(differenceKey)) {
      difference = computeDifference(columns, shown, reference, mode, palette);
      differenceKey = key;
    }
    return difference;
  }

  static Difference computeDifference(
      List<ColumnSpec> columns,
      ActivationTrace shown,
      ActivationTrace reference,
      RangeMode mode,
      Palette palette) {
    int n = shown.size();
    Tensor[] values = new Tensor[n + 1];
    values[0] = minus(shown.input(), reference.input());
    for (int i = 0; i < n; i++) {
      values[i + 1] = minus(shown.output(i), reference.output(i));
    }
    LayerRanges ranges = LayerRanges.ofDifferences(shown.network(), i -> values[i + 1], mode);
    double inputMax = Math.max(Math.abs(values[0].min()), Math.abs(values[0].max()));
    double inputRange = inputMax > 0 ? 2 * inputMax : 1;
    BufferedImage[][] tiles = new BufferedImage[columns.size()][];
    IntStream.range(0, columns.size())
        .parallel()
        .filter(c -> columns.get(c).hasMaps())
        .forEach(
            c -> {
              ColumnSpec col = columns.get(c);
              boolean input = col.kind() == ColumnSpec.Kind.INPUT;
              double range = input ? inputRange : ranges.range(col.layer());
              tiles[c] =
                  TileCache.renderColumn(
                      col,
                      values[input ? 0 : col.layer() + 1],
                      ColorScale.diverging(palette.activations(), range));
            });
    return new Difference(tiles, ranges, inputRange, values);
  }

  private static Tensor minus(Tensor a, Tensor b) {
    float[] x = a.toArray();
    float[] y = b.toArray();
    for (int i = 0; i < x.length; i++) {
      x[i] -= y[i];
    }
    Shape shape = a.shape();
    return Tensor.of(shape, x);
  }

  /**
   * Two thumbnails per node: {@code shownTiles}' map on the left, {@code reference}'s (coloured
   * with {@code ranges}, the shown trace's) on the right, on {@code background}.
   */
  BufferedImage[][] sideBySide(
      List<ColumnSpec> columns,
      BufferedImage[][] shownTiles,
      ActivationTrace reference,
      LayerRanges ranges,
      Palette palette,
      Color background) {
    Object key = List.of(shownTiles, reference, ranges, palette, background);
    if (!key.equals(sideKey)) {
      BufferedImage[][] pinned = TileCache.render(columns, reference, ranges, palette);
      BufferedImage[][] result = new BufferedImage[columns.size()][];
      for (int c = 0; c < columns.size(); c++) {
        if (shownTiles[c] == null) {
          continue;
        }
        result[c] = new BufferedImage[shownTiles[c].length];
        for (int n = 0; n < shownTiles[c].length; n++) {
          result[c][n] = pair(shownTiles[c][n], pinned[c][n], background);
        }
      }
      side = result;
      sideKey = key;
    }
    return side;
  }

  /**
   * {@code left} and {@code right} side by side with a one-pixel gap, vertically centred on a
   * canvas with the maps' aspect ratio (the node keeps its shape; each map shows at half size).
   */
  static BufferedImage pair(BufferedImage left, BufferedImage right, Color background) {
    int w = left.getWidth();
    int h = left.getHeight();
    int width = 2 * w + 1;
    int height = Math.max(h, (int) Math.round((double) width * h / w));
    BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(background);
      g.fillRect(0, 0, width, height);
      int top = (height - h) / 2;
      g.drawImage(left, 0, top, null);
      g.drawImage(right, w + 1, top, null);
    } finally {
      g.dispose();
    }
    return canvas;
  }
}
