package org.cnnexplainer.core;

import java.util.Arrays;

/**
 * The fast path of {@link Conv2D} for stride 1, where almost all of a network's time goes.
 *
 * <p>The (zero-padded) input is read as one long row per channel: output cell {@code (oy, ox)} is
 * computed at {@code e = oy * Wp + ox} of a plane as wide as the padded input, so every kernel tap
 * {@code (c, ky, kx)} becomes a plain shift of the input; the {@code kw - 1} cells per row beyond
 * the output width are computed and dropped. Blocks of {@link #BLOCK} cells of each shifted tap are
 * copied into their own arrays ({@code im2col}), and the sum over taps runs as loops that read
 * every array at the same index. That shape is what the C2 compiler of Java 17 turns into AVX
 * vector code: it does not vectorise loops that read one array at two offsets, nor loops over many
 * arrays, so each pass handles three taps for two filters at once.
 */
final class StrideOneConvolution {
  /** Cells per block: long enough for vector loops, small enough for the L2 cache. */
  private static final int BLOCK = 512;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private StrideOneConvolution() {}

  /** {@code out (F, Ho, Wo)} = bias + correlation of {@code input (C, H, W)}; no activation. */
  static float[] compute(Conv2D conv, Tensor input, Shape outputShape) {
    Shape in = input.shape;
    int kh = conv.kernelHeight();
    int kw = conv.kernelWidth();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    int paddedHeight = outHeight + kh - 1;
    int paddedWidth = outWidth + kw - 1;
    float[] src =
        padded(
            input,
            paddedHeight,
            paddedWidth,
            conv.padding().padBefore(in.height(), kh, 1),
            conv.padding().padBefore(in.width(), kw, 1));
    int channels = in.channels();
    int taps = channels * kh * kw;
    int groups = (taps + 2) / 3;
    int filters = conv.filters();
    // Tap t = (c * kh + ky) * kw + kx, the kernel's own order, reads the input shifted by shift[t].
    int[] shift = new int[taps];
    for (int c = 0, t = 0; c < channels; c++) {
      for (int ky = 0; ky < kh; ky++) {
        for (int kx = 0; kx < kw; kx++, t++) {
          shift[t] = c * paddedHeight * paddedWidth + ky * paddedWidth + kx;
        }
      }
    }
    float[] w = conv.kernel().data;
    float[] bias = conv.bias().data;
    Workspace ws = WORKSPACE.get().ensure(groups * 3, filters);
    float[][] cols = ws.columns;
    float[][] acc = ws.sums;
    // The last group's unused columns meet zero weights, but 0 * inf = NaN: clear what an earlier
    // call left there.
    for (int t = taps; t < groups * 3; t++) {
      Arrays.fill(cols[t], 0f);
    }
    float[] out = new float[outputShape.size()];
    int span = (outHeight - 1) * paddedWidth + outWidth;
    for (int start = 0; start < span; start += BLOCK) {
      int n = Math.min(BLOCK, span - start);
      for (int t = 0; t < taps; t++) {
        System.arraycopy(src, shift[t] + start, cols[t], 0, n);
      }
      for (int f = 0; f < filters; f++) {
        Arrays.fill(acc[f], 0, n, 0f);
      }
      // Taps outer, filters inner: three tap blocks and all filters' sums stay in the L1 cache.
      for (int g = 0; g < groups; g++) {
        int t = 3 * g;
        for (int f = 0; f < filters; f += 2) {
          float a0 = weight(w, f, taps, t);
          float a1 = weight(w, f, taps, t + 1);
          float a2 = weight(w, f, taps, t + 2);
          if (f + 1 < filters) {
            addTwoFilters(
                acc[f],
                acc[f + 1],
                n,
                cols[t],
                cols[t + 1],
                cols[t + 2],
                a0,
                a1,
                a2,
                weight(w, f + 1, taps, t),
                weight(w, f + 1, taps, t + 1),
                weight(w, f + 1, taps, t + 2));
          } else {
            addOneFilter(acc[f], n, cols[t], cols[t + 1], cols[t + 2], a0, a1, a2);
          }
        }
      }
      scatter(acc, filters, bias, start, n, paddedWidth, outHeight, outWidth, out);
    }
    return out;
  }

  /** Weight of tap {@code t} of filter {@code f}; zero for the padding taps of the last group. */
  private static float weight(float[] w, int f, int taps, int t) {
    return t < taps ? w[f * taps + t] : 0f;
  }

  private static void addOneFilter(
      float[] acc, int n, float[] x, float[] y, float[] z, float a0, float a1, float a2) {
    for (int i = 0; i < n; i++) {
      acc[i] += a0 * x[i] + a1 * y[i] + a2 * z[i];
    }
  }

  private static void addTwoFilters(
      float[] acc,
      float[] acc2,
      int n,
      float[] x,
      float[] y,
      float[] z,
      float a0,
      float a1,
      float a2,
      float b0,
      float b1,
      float b2) {
    for (int i = 0; i < n; i++) {
      float xi = x[i];
      float yi = y[i];
      float zi = z[i];
      acc[i] += a0 * xi + a1 * yi + a2 * zi;
      acc2[i] += b0 * xi + b1 * yi + b2 * zi;
    }
  }

  /** Moves the block's sums, in padded-row coordinates, to their output cells and adds the bias. */
  private static void scatter(
      float[][] acc,
      int filters,
      float[] bias,
      int start,
      int n,
      int paddedWidth,
      int outHeight,
      int outWidth,
      float[] out) {
    int end = start + n;
    for (int oy = start / paddedWidth; oy < outHeight && oy * paddedWidth < end; oy++) {
      int rowStart = oy * paddedWidth;
      int from = Math.max(rowStart, start);
      int to = Math.min(rowStart + outWidth, end);
      for (int f = 0; f < filters; f++) {
        float[] sums = acc[f];
        float b = bias[f];
        int dst = (f * outHeight + oy) * outWidth - rowStart;
        for (int e = from; e < to; e++) {
          out[dst + e] = sums[e - start] + b;
        }
      }
    }
  }

  /** The input with zero borders so that a valid correlation gives the padded result. */
  static float[] padded(Tensor input, int height, int width, int top, int left) {
    Shape in = input.shape;
    if (height == in.height() && width == in.width()) {
      return input.data;
    }
    float[] dst = new float[in.channels() * height * width];
    int rows = Math.min(in.height(), height - top);
    int cols = Math.min(in.width(), width - left);
    for (int c = 0; c < in.channels(); c++) {
      for (int y = 0; y < rows; y++) {
        System.arraycopy(
            input.data,
            (c * in.height() + y) * in.width(),
            dst,
            (c * height + y + top) * width + left,
            cols);
      }
    }
    return dst;
  }

  /** Per-thread scratch arrays, grown on demand, so that a forward pass allocates only outputs. */
  private static final class Workspace {
    float[][] columns = new float[0][];
    float[][] sums = new float[0][];

    Workspace ensure(int taps, int filters) {
      if (columns.length < taps) {
        columns = grow(columns, taps);
      }
      if (sums.length < filters) {
        sums = grow(sums, filters);
      }
      return this;
    }

    private static float[][] grow(float[][] old, int size) {
      float[][] bigger = Arrays.copyOf(old, size);
      for (int i = old.length; i < size; i++) {
        bigger[i] = new float[BLOCK];
      }
      return bigger;
    }
  }
}
