package org.cnnexplainer.viz.overview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.stream.IntStream;
import org.cnnexplainer.core.ActivationTrace;
import org.cnnexplainer.core.GradientTrace;
import org.cnnexplainer.core.Tensor;
import org.cnnexplainer.viz.color.ColorScale;
import org.cnnexplainer.viz.color.LayerRanges;
import org.cnnexplainer.viz.color.Palette;

/**
 * Heat-map images at the maps' own resolution (one pixel per cell), coloured once per trace, range
 * mode and palette and reused by every paint until one of those changes.
 */
final class TileCache {
  private ActivationTrace trace;
  private LayerRanges ranges;
  private Palette palette;
  private BufferedImage[][] tiles;
  private GradientTrace gradients;

  /** The tiles of every column (null entries for columns without maps), cached. */
  BufferedImage[][] tiles(
      List<ColumnSpec> columns,
      ActivationTrace trace,
      LayerRanges ranges,
      Palette palette,
      GradientTrace gradients) {
    if (tiles == null
        || trace != this.trace
        || ranges.mode() != this.ranges.mode()
        || palette != this.palette
        || gradients != this.gradients) {
      this.tiles = render(columns, trace, ranges, palette, gradients);
      this.gradients = gradients;
      this.trace = trace;
      this.ranges = ranges;
      this.palette = palette;
    }
    return tiles;
  }

  /** The tiles of every column, coloured by activation. */
  static BufferedImage[][] render(
      List<ColumnSpec> columns, ActivationTrace trace, LayerRanges ranges, Palette palette) {
    return render(columns, trace, ranges, palette, null);
  }

  /**
   * The tiles of every column; with {@code gradients} (not null) each neuron is coloured by its
   * gradient on {@code ranges} (then {@link LayerRanges#ofGradients}), the input too.
   */
  static BufferedImage[][] render(
      List<ColumnSpec> columns,
      ActivationTrace trace,
      LayerRanges ranges,
      Palette palette,
      GradientTrace gradients) {
    BufferedImage[][] result = new BufferedImage[columns.size()][];
    // Columns are independent: colour them in parallel (a trace switch waits for this).
    IntStream.range(0, columns.size())
        .parallel()
        .filter(i -> columns.get(i).hasMaps())
        .forEach(i -> result[i] = renderColumn(columns.get(i), trace, ranges, palette, gradients));
    return result;
  }

  private static BufferedImage[] renderColumn(
      ColumnSpec c,
      ActivationTrace trace,
      LayerRanges ranges,
      Palette palette,
      GradientTrace gradients) {
    boolean input = c.kind() == ColumnSpec.Kind.INPUT;
    Tensor values;
    ColorScale scale;
    if (gradients != null) {
      values = input ? gradients.input() : gradients.output(c.layer());
      scale =
          ColorScale.diverging(
              palette.activations(),
              input ? LayerRanges.gradientRange(values) : ranges.range(c.layer()));
    } else {
      values = input ? trace.input() : trace.output(c.layer());
      scale =
          input
              ? ColorScale.input(palette.input())
              : ColorScale.diverging(palette.activations(), ranges.range(c.layer()));
    }
    return renderColumn(c, values, scale);
  }

  /**
   * The tiles of column {@code c} showing {@code values} (shaped like its maps) on {@code scale}.
   */
  static BufferedImage[] renderColumn(ColumnSpec c, Tensor values, ColorScale scale) {
    BufferedImage[] tiles = new BufferedImage[c.nodes()];
    boolean image = values.shape().isImage();
    for (int n = 0; n < c.nodes(); n++) {
      float[] plane = image ? values.channel(n) : new float[] {values.at(n)};
      tiles[n] = tile(plane, c.mapHeight(), c.mapWidth(), scale);
    }
    return tiles;
  }

  private static BufferedImage tile(float[] plane, int h, int w, ColorScale scale) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    // Writing the pixel array directly: setRGB converts every pixel through the colour model.
    int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    float last = Float.NaN;
    int lastRgb = 0;
    for (int i = 0; i < plane.length; i++) {
      // ReLU and pooling maps repeat values (mostly zeros): reuse the previous colour.
      if (plane[i] != last) {
        last = plane[i];
        lastRgb = scale.rgb(last);
      }
      rgb[i] = lastRgb;
    }
    return image;
  }
}
