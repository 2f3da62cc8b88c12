package org.cnnexplainer.core.attribution;

/** Resizing one map. */
final class Resize {
  private Resize() {}

  /**
   * Bilinear resize of a row-major {@code h × w} map to {@code outH × outW} with pixel centres
   * aligned ({@code src = (dst + 0.5) · in/out − 0.5}, clamped at the edges), as OpenCV's and TF's
   * {@code halfPixelCenters} resizing do.
   */
  static float[] bilinear(float[] map, int h, int w, int outH, int outW) {
    float[] out = new float[outH * outW];
    for (int y = 0; y < outH; y++) {
      double sy = Math.min(Math.max((y + 0.5) * h / outH - 0.5, 0), h - 1);
      int y0 = (int) sy;
      int y1 = Math.min(y0 + 1, h - 1);
      double fy = sy - y0;
      for (int x = 0; x < outW; x++) {
        double sx = Math.min(Math.max((x + 0.5) * w / outW - 0.5, 0), w - 1);
        int x0 = (int) sx;
        int x1 = Math.min(x0 + 1, w - 1);
        double fx = sx - x0;
        double top = map[y0 * w + x0] * (1 - fx) + map[y0 * w + x1] * fx;
        double bottom = map[y1 * w + x0] * (1 - fx) + map[y1 * w + x1] * fx;
        out[y * outW + x] = (float) (top * (1 - fy) + bottom * fy);
      }
    }
    return out;
  }
}
