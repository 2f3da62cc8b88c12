package org.cnnexplainer.core.image;

/**
 * Scales a plane so that it covers {@code outWidth x outHeight} (the shorter side, relative to the
 * target, fits exactly) and keeps the centred window, in one step: with scale {@code s = max(outW /
 * w, outH / h)} output pixel {@code o} covers the source interval {@code [(o + off) / s, (o + off +
 * 1) / s)} where {@code off = (in * s - out) / 2}. Shrinking averages that interval exactly (area
 * averaging, each source pixel weighted by its overlap); enlarging interpolates bilinearly at the
 * interval's centre. Rows are resampled first, then columns.
 */
final class Resampler {
  private final int[] first;
  private final double[][] weights;

  private Resampler(int in, int out, double scale) {
    first = new int[out];
    weights = new double[out][];
    double offset = (in * scale - out) / 2;
    for (int o = 0; o < out; o++) {
      if (scale < 1) {
        double a = (o + offset) / scale;
        double b = (o + offset + 1) / scale;
        int lo = Math.max(0, (int) Math.floor(a));
        int hi = Math.min(in, (int) Math.ceil(b));
        double[] w = new double[hi - lo];
        double total = 0;
        for (int i = lo; i < hi; i++) {
          w[i - lo] = Math.max(0, Math.min(b, i + 1) - Math.max(a, i));
          total += w[i - lo];
        }
        for (int i = 0; i < w.length; i++) {
          w[i] /= total; // so that a uniform region keeps its value exactly
        }
        first[o] = lo;
        weights[o] = w;
      } else {
        double src = Math.min(Math.max((o + offset + 0.5) / scale - 0.5, 0), in - 1);
        int lo = Math.min((int) Math.floor(src), in - 1);
        double t = src - lo;
        first[o] = lo;
        weights[o] = lo + 1 < in ? new double[] {1 - t, t} : new double[] {1};
      }
    }
  }

  /** The resampled and centre-cropped plane, {@code outWidth * outHeight} values. */
  static double[] coverAndCrop(double[] plane, int width, int height, int outWidth, int outHeight) {
    double scale = Math.max(outWidth / (double) width, outHeight / (double) height);
    Resampler cols = new Resampler(width, outWidth, scale);
    Resampler rows = new Resampler(height, outHeight, scale);
    // Only the source rows that the cropped output reads are resampled: a 1 x 16,000,000 image
    // covering a 28 x 28 input reads about one row, not 16 million rows of 28 values.
    int firstRow = rows.first[0];
    int lastRow = rows.first[outHeight - 1] + rows.weights[outHeight - 1].length;
    double[] tmp = new double[(lastRow - firstRow) * outWidth];
    for (int y = firstRow; y < lastRow; y++) {
      for (int o = 0; o < outWidth; o++) {
        tmp[(y - firstRow) * outWidth + o] = cols.apply(plane, y * width, 1, o);
      }
    }
    double[] out = new double[outHeight * outWidth];
    for (int o = 0; o < outHeight; o++) {
      for (int x = 0; x < outWidth; x++) {
        out[o * outWidth + x] = rows.apply(tmp, x - firstRow * outWidth, outWidth, o);
      }
    }
    return out;
  }

  private double apply(double[] src, int base, int step, int o) {
    double sum = 0;
    double[] w = weights[o];
    int at = base + first[o] * step;
    for (double wi : w) {
      sum += wi * src[at];
      at += step;
    }
    return sum;
  }
}
