package org.cnnexplainer.core.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * An image as three planes of 0..255 values (row-major, {@code width * height}), with alpha already
 * composited onto white. Grayscale images keep their exact samples in all three planes.
 */
record Pixels(int width, int height, double[] red, double[] green, double[] blue, boolean gray) {

  /**
   * The pixels of {@code image}.
   *
   * @throws IllegalArgumentException if its samples have no agreed range (32-bit integers) or are
   *     not numbers (NaN or infinite floating-point samples)
   */
  static Pixels of(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    boolean grayRaster =
        cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
            && !(cm instanceof IndexColorModel)
            && !cm.isAlphaPremultiplied();
    int type = image.getRaster().getDataBuffer().getDataType();
    if (cm instanceof ComponentColorModel
        && type != DataBuffer.TYPE_BYTE
        && type != DataBuffer.TYPE_USHORT) {
      return fromSamples(image, cm, grayRaster);
    }
    return grayRaster ? fromGrayRaster(image, cm) : fromRgb(image);
  }

  /**
   * Signed 16-bit and floating-point samples (TIFF), each scaled by its type's range: signed 16-bit
   * from [-32768, 32767], floating point from [0, 1] (clamped), as image tools display them. {@code
   * getRGB} would fail on signed samples and turn a white float image black on the gray path.
   * 32-bit integers are refused: TIFF files store signed and unsigned ones alike, and the decoder
   * cannot tell which.
   */
  private static Pixels fromSamples(BufferedImage image, ColorModel cm, boolean gray) {
    int type = image.getRaster().getDataBuffer().getDataType();
    if (type != DataBuffer.TYPE_SHORT
        && type != DataBuffer.TYPE_FLOAT
        && type != DataBuffer.TYPE_DOUBLE) {
      throw new IllegalArgumentException(
          "the image has 32-bit integer samples, whose range (signed or unsigned) is unknown;"
              + " convert it to 8 or 16 bits per sample");
    }
    int colors = cm.getNumColorComponents();
    if (!gray && (colors != 3 || cm.getColorSpace().getType() != ColorSpace.TYPE_RGB)) {
      throw new IllegalArgumentException(
          "the image has " + colors + " colour components of a colour space other than RGB");
    }
    int w = image.getWidth();
    int h = image.getHeight();
    Raster raster = image.getRaster();
    boolean alpha = cm.hasAlpha() && raster.getNumBands() > colors;
    double[][] planes = new double[gray ? 1 : 3][w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double a = alpha ? unit(raster.getSampleDouble(x, y, colors), type) : 1;
        for (int c = 0; c < planes.length; c++) {
          planes[c][y * w + x] = onWhite(255 * unit(raster.getSampleDouble(x, y, c), type), a);
        }
      }
    }
    return gray
        ? new Pixels(w, h, planes[0], planes[0], planes[0], true)
        : new Pixels(w, h, planes[0], planes[1], planes[2], false);
  }

  /** A signed 16-bit or floating-point sample as a value in [0, 1]. */
  private static double unit(double sample, int type) {
    if (type == DataBuffer.TYPE_SHORT) {
      return (sample + 32768) / 65535;
    }
    if (!Double.isFinite(sample)) {
      throw new IllegalArgumentException(
          "the image holds a sample that is not a number: " + sample);
    }
    return Math.min(Math.max(sample, 0), 1);
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
