package org.cnnexplainer.viz.overview;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.stream.IntStream;
import org.cnnexplainer.core.ActivationTrace;
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

  /** The tiles of every column (null entries for columns without maps), cached. */
  BufferedImage[][] tiles(
      List<ColumnSpec> columns, ActivationTrace trace, LayerRanges ranges, Palette palette) {
    if (tiles == null
        || trace != this.trace
        || ranges.mode() != this.ranges.mode()
        || palette != this.palette) {
      this.tiles = render(columns, trace, ranges, palette);
      this.trace = trace;
      this.ranges = ranges;
      this.palette = palette;
    }
    return tiles;
  }

  static BufferedImage[][] render(
      List<ColumnSpec> columns, ActivationTrace trace, LayerRanges ranges, Palette palette) {
    BufferedImage[][] result = new BufferedImage[columns.size()][];
    // Columns are independent: colour them in parallel (a trace switch waits for this).
    IntStream.range(0, columns.size())
        .parallel()
        .filter(i -> columns.get(i).hasMaps())
        .forEach(i -> result[i] = renderColumn(columns.get(i), trace, ranges, palette));
    return result;
  }

  private static BufferedImage[] renderColumn(
      ColumnSpec c, ActivationTrace trace, LayerRanges ranges, Palette palette) {
    Tensor values = c.kind() == ColumnSpec.Kind.INPUT ? trace.input() : trace.output(c.layer());
    ColorScale scale =
        c.kind() == ColumnSpec.Kind.INPUT
            ? ColorScale.input(palette.input())
            : ColorScale.diverging(palette.activations(), ranges.range(c.layer()));
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
