package org.cnnexplainer.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * An image as three planes of 0..255 values (row-major, {@code width * height}), with alpha already
 * composited onto white. Grayscale images keep their exact samples in all three planes.
 */
record Pixels(int width, int height, double[] red, double[] green, double[] blue, boolean gray) {

  static Pixels of(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    boolean grayRaster =
        cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && !(cm instanceof IndexColorModel)
            && !cm.isAlphaPremultiplied();
    return grayRaster ? fromGrayRaster(image, cm) : fromRgb(image);
  }

  /**
   * Reads gray samples from the raster: {@code getRGB} would map linear gray to sRGB and change the
   * values (up to 73 levels on the original's {@code panda_3.jpeg}).
   */
  private static Pixels fromGrayRaster(BufferedImage image, ColorModel cm) {
    int w = image.getWidth();
    int h = image.getHeight();
    Raster raster = image.getRaster();
    double grayMax = (1L << cm.getComponentSize(0)) - 1;
    boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
    double alphaMax = alpha ? (1L << cm.getComponentSize(1)) - 1 : 1;
    double[] gray = new double[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double v =
            grayMax == 255
                ? raster.getSample(x, y, 0)
                : raster.getSample(x, y, 0) * 255.0 / grayMax;
        if (alpha) {
          v = onWhite(v, raster.getSample(x, y, 1) / alphaMax);
        }
        gray[y * w + x] = v;
      }
    }
    return new Pixels(w, h, gray, gray, gray, true);
  }

  private static Pixels fromRgb(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double[] r = new double[w * h];
    double[] g = new double[w * h];
    double[] b = new double[w * h];
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      image.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int argb = row[x];
        double a = (argb >>> 24) / 255.0;
        int i = y * w + x;
        r[i] = onWhite((argb >> 16) & 0xff, a);
        g[i] = onWhite((argb >> 8) & 0xff, a);
        b[i] = onWhite(argb & 0xff, a);
      }
    }
    return new Pixels(w, h, r, g, b, false);
  }

  /** Composites {@code value} (0..255) with opacity {@code alpha} (0..1) onto white. */
  static double onWhite(double value, double alpha) {
    return alpha >= 1 ? value : value * alpha + 255 * (1 - alpha);
  }

  /** BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}; exact for gray pixels. */
  double luminance(int i) {
    if (gray || (red[i] == green[i] && green[i] == blue[i])) {
      return red[i];
    }
    return 0.299 * red[i] + 0.587 * green[i] + 0.114 * blue[i];
  }
}
