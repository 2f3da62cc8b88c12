package org.cnnexplainer.viz.overview;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Heat-map tiles scaled once to the size they are shown at, in device pixels, so that a paint only
 * copies them. Rebuilt when the tiles, the layout or the device scale change.
 */
final class ScaledTiles {
  private List<Object> key;
  private BufferedImage[][] scaled;

  /** Whether {@code g} only translates and scales, so device-pixel tiles can be copied. */
  static boolean isSimple(AffineTransform at) {
    int allowed =
        AffineTransform.TYPE_TRANSLATION
            | AffineTransform.TYPE_UNIFORM_SCALE
            | AffineTransform.TYPE_GENERAL_SCALE;
    return (at.getType() & ~allowed) == 0 && at.getScaleX() > 0 && at.getScaleY() > 0;
  }

  /** The tiles of {@code tiles} scaled to the map bounds of {@code layout} under {@code at}. */
  BufferedImage[][] of(
      BufferedImage[][] tiles, OverviewLayout layout, AffineTransform at, boolean crisp) {
    List<Object> k =
        List.of(
            System.identityHashCode(tiles),
            layout.width,
            layout.height,
            layout.node,
            at.getScaleX(),
            at.getScaleY(),
            crisp);
    if (tiles != null && (scaled == null || !k.equals(key))) {
      scaled = scale(tiles, layout, at.getScaleX(), at.getScaleY(), crisp);
      key = k;
    }
    return scaled;
  }

  /** Forgets the scaled tiles, so that they can be collected. */
  void release() {
    scaled = null;
    key = null;
  }

  private static BufferedImage[][] scale(
      BufferedImage[][] tiles, OverviewLayout layout, double sx, double sy, boolean crisp) {
    BufferedImage[][] result = new BufferedImage[tiles.length][];
    IntStream.range(0, tiles.length)
        .parallel()
        .filter(c -> tiles[c] != null)
        .forEach(c -> result[c] = scaleColumn(tiles[c], layout, c, sx, sy, crisp));
    return result;
  }

  private static BufferedImage[] scaleColumn(
      BufferedImage[] tiles, OverviewLayout layout, int c, double sx, double sy, boolean crisp) {
    ColumnSpec col = layout.columns.get(c);
    BufferedImage[] result = new BufferedImage[tiles.length];
    for (int n = 0; n < tiles.length; n++) {
      Rectangle2D r = OverviewLayout.mapBounds(layout.boxes[c][n], col.mapHeight(), col.mapWidth());
      int w = Math.max(1, (int) Math.round(r.getWidth() * sx));
      int h = Math.max(1, (int) Math.round(r.getHeight() * sy));
      BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = out.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION,
          crisp
              ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR
              : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(tiles[n], 0, 0, w, h, null);
      g.dispose();
      result[n] = out;
    }
    return result;
  }
}
