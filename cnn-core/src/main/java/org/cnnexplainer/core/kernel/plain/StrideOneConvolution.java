package org.cnnexplainer.core.kernel.plain;

import java.util.Arrays;
import org.cnnexplainer.core.kernel.Window;

/**
 * The plain-Java valid stride-1 cross-correlation, where almost all of a network's time goes.
 *
 * <p>The (zero-padded) input is read as one long row per channel: output cell {@code (oy, ox)} is
 * computed at {@code e = oy * Wp + ox} of a plane as wide as the padded input, so every kernel tap
 * {@code (c, ky, kx)} becomes a plain shift of the input; the {@code kw - 1} cells per row beyond
 * the output width are computed and dropped. Blocks of {@link #BLOCK} cells of six shifted taps at
 * a time are copied into their own arrays ({@code im2col}), and the sum over taps runs as loops
 * that read every array at the same index. That shape is what the C2 compiler of Java 17 turns into
 * AVX vector code: it does not vectorise loops that read one array at two offsets. Each pass adds
 * six taps to one filter's sums; passes that update two filters' sums at once were faster when
 * vectorised but, in some JVM runs, were compiled to scalar code three times slower.
 */
public final class StrideOneConvolution {
  /**
   * Cells per block: long enough that the vector loops' scalar starts and ends (up to a few dozen
   * cells with 16-lane vectors) are a small part, small enough for the L1 and L2 caches. 908 cells
   * traced the original model's 64x64 layers in 236 us against 268 us with 517 (the first layers'
   * 3,700-cell planes then take four blocks instead of eight). Not a power of two: the scratch
   * arrays sit next to each other in memory, and arrays whose starts are less than a cache line
   * apart modulo 4 KiB make x86 cores stall every load from one behind the stores to the other ("4K
   * aliasing"; with 512 floats that made whole networks 2.6 times slower, depending on where the
   * garbage collector put the arrays). With 908 floats, no two of the first 57 arrays are closer
   * than 64 bytes modulo 4 KiB.
   */
  private static final int BLOCK = 908;

  /** Taps per pass over a filter's sums. */
  private static final int GROUP = 6;

  private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

  private StrideOneConvolution() {}

  /**
   * Writes {@code out} = bias + the valid cross-correlation of {@code src} with {@code w}; {@code
   * g} has stride 1 and no padding. {@code bias} may be null.
   */
  public static void correlate(Window g, float[] src, float[] w, float[] bias, float[] out) {
    int width = g.width();
    int filters = g.filters();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    int taps = g.taps();
    int groups = (taps + GROUP - 1) / GROUP;
    int[] shift = g.tapShifts(new int[taps]);
    Workspace ws = WORKSPACE.get().ensure(filters);
    float[][] cols = ws.columns;
    float[][] acc = ws.sums;
    int span = (outHeight - 1) * width + outWidth;
    for (int start = 0; start < span; start += BLOCK) {
      int n = Math.min(BLOCK, span - start);
      for (int f = 0; f < filters; f++) {
        Arrays.fill(acc[f], 0, n, bias == null ? 0f : bias[f]);
      }
      // Taps outer, filters inner: six tap columns and all filters' sums stay in the L1 cache.
      for (int group = 0; group < groups; group++) {
        int t = GROUP * group;
        for (int k = 0; k < GROUP; k++) {
          // Missing taps of the last group weigh zero; their columns hold zeros, as 0 * inf = NaN.
          if (t + k < taps) {
            System.arraycopy(src, shift[t + k] + start, cols[k], 0, n);
          } else {
            Arrays.fill(cols[k], 0, n, 0f);
          }
        }
        for (int f = 0; f < filters; f++) {
          addSixTaps(acc[f], n, cols, w, f * taps + t, taps - t);
        }
      }
      scatter(acc, filters, start, n, width, outHeight, outWidth, out);
    }
  }

  /**
   * Adds taps {@code at .. at + 5} of one filter's weights times the six columns to its sums; taps
   * past the kernel's end ({@code left} counts the real ones) weigh zero.
   */
  private static void addSixTaps(float[] acc, int n, float[][] cols, float[] w, int at, int left) {
    float a0 = w[at];
    float a1 = left > 1 ? w[at + 1] : 0f;
    float a2 = left > 2 ? w[at + 2] : 0f;
    float a3 = left > 3 ? w[at + 3] : 0f;
    float a4 = left > 4 ? w[at + 4] : 0f;
    float a5 = left > 5 ? w[at + 5] : 0f;
    float[] x0 = cols[0];
    float[] x1 = cols[1];
    float[] x2 = cols[2];
    float[] x3 = cols[3];
    float[] x4 = cols[4];
    float[] x5 = cols[5];
    for (int i = 0; i < n; i++) {
      acc[i] += a0 * x0[i] + a1 * x1[i] + a2 * x2[i] + a3 * x3[i] + a4 * x4[i] + a5 * x5[i];
    }
  }

  /** Copies the block's sums, in input-row coordinates, to their output cells. */
  private static void scatter(
      float[][] acc,
      int filters,
      int start,
      int n,
      int width,
      int outHeight,
      int outWidth,
      float[] out) {
    int end = start + n;
    for (int oy = start / width; oy < outHeight && oy * width < end; oy++) {
      int rowStart = oy * width;
      int from = Math.max(rowStart, start);
      int to = Math.min(rowStart + outWidth, end);
      if (from >= to) {
        continue;
      }
      for (int f = 0; f < filters; f++) {
        System.arraycopy(
            acc[f],
            from - start,
            out,
            (f * outHeight + oy) * outWidth + from - rowStart,
            to - from);
      }
    }
  }

  /** Per-thread scratch arrays, grown on demand, so that a forward pass allocates only outputs. */
  private static final class Workspace {
    final float[][] columns = new float[GROUP][BLOCK];
    float[][] sums = new float[0][];

    Workspace ensure(int filters) {
      if (sums.length < filters) {
        float[][] bigger = Arrays.copyOf(sums, filters);
        for (int i = sums.length; i < filters; i++) {
          bigger[i] = new float[BLOCK];
        }
        sums = bigger;
      }
      return this;
    }
  }
}
