package org.cnnexplainer.core.kernel.plain;

import java.lang.ref.WeakReference;
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
 * AVX vector code: it leaves scalar the loops that read an array at a variable offset ({@code
 * acc[i] += a * x[s + i]}, measured 4.6 times slower per cell), that store into two arrays (two
 * filters' sums per pass: 7.6 times slower) or that add more than six taps. Each pass therefore
 * adds six taps to one filter's sums.
 */
public final class StrideOneConvolution {
  /**
   * Cells per block: long enough that the vector loops' scalar starts and ends (up to a few dozen
   * cells with 16-lane vectors) are a small part, small enough that a pass's seven arrays stay in
   * the L1 cache. 1,020 floats and a 16-byte array header make each scratch array exactly 4 KiB
   * long (see {@link Workspace}).
   */
  private static final int BLOCK = 1020;

  /** Taps per pass over a filter's sums (with more, C2 no longer vectorises the loop). */
  private static final int GROUP = 6;

  private static final ThreadLocal<Workspace> WORKSPACE = new ThreadLocal<>();

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
    int span = (outHeight - 1) * width + outWidth;
    Workspace ws = workspace(filters);
    float[][] cols = ws.columns;
    float[][] acc = ws.sums;
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

  /** This thread's scratch arrays for {@code filters} filters, allocated afresh if need be. */
  private static Workspace workspace(int filters) {
    Workspace ws = WORKSPACE.get();
    if (ws == null || ws.sums.length < filters || ws.mayHaveMoved()) {
      ws = new Workspace(Math.max(filters, ws == null ? 0 : ws.sums.length));
      WORKSPACE.set(ws);
    }
    return ws;
  }

  /**
   * Per-thread scratch arrays, all {@link #BLOCK} floats long and allocated one after the other,
   * replaced after every garbage collection.
   *
   * <p>Why: the loop in {@link #addSixTaps} reads six arrays and writes a seventh at the same
   * index, and C2 aligns its vector loop to one of them. An array whose data do not start at the
   * same address modulo 64 bytes (one AVX-512 vector) makes every one of its vector loads straddle
   * two cache lines, and the kernel up to 2.2 times slower (conv_1_2 of the original model, alone:
   * 78 us with all seven arrays aligned alike, 175 us with the sums 16 bytes off the columns, 130
   * us with them 1,040 bytes off, 81 us with 64 bytes). Long-lived arrays sit wherever the garbage
   * collector copied them (any multiple of 8 bytes), so each JVM run drew its own mix of aligned
   * and straddling arrays and was fast or slow for its whole life (~180 against ~260-310 us per
   * trace). Arrays allocated one after another in the thread's allocation buffer are adjacent; with
   * a 16-byte header, 1,020 floats make each one exactly 4 KiB, so all start alike modulo 64 bytes
   * (and modulo 4 KiB, which also rules out "4K aliasing" between the loop's loads and stores).
   * Objects move only during a garbage collection, which clears the weak reference {@code moved}
   * holds; the next call then allocates a new, adjacent set (16 arrays of 4 KiB for ten filters,
   * once per collection rather than on every call).
   */
  private static final class Workspace {
    final float[][] columns;
    final float[][] sums;
    private final WeakReference<Object> moved = new WeakReference<>(new Object());

    Workspace(int filters) {
      columns = new float[GROUP][];
      sums = new float[filters][];
      for (int k = 0; k < GROUP; k++) {
        columns[k] = new float[BLOCK];
      }
      for (int f = 0; f < filters; f++) {
        sums[f] = new float[BLOCK];
      }
    }

    boolean mayHaveMoved() {
      return moved.get() == null;
    }
  }
}
