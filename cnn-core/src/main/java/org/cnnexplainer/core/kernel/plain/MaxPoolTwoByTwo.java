package org.cnnexplainer.core.kernel.plain;

import java.util.Arrays;
import org.cnnexplainer.core.kernel.Window;

/**
 * The 2x2, stride-2, valid max pooling of most CNNs (Tiny VGG's) as tight loops: {@code
 * out[c][oy][ox] = max of in[c][2oy .. 2oy + 1][2ox .. 2ox + 1]}.
 *
 * <p>The backward pass sends each output's gradient to the first cell of its window (row-major)
 * that holds the maximum, as TF does, without branches: a float select compiles to a jump on x86,
 * and which cell wins is a coin toss the branch predictor loses. Each cell's share is the
 * gradient's bits masked by an int comparison result.
 */
public final class MaxPoolTwoByTwo {
  private MaxPoolTwoByTwo() {}

  /**
   * The two input rows are first copied into scratch rows so that their element-wise maximum is a
   * loop the JIT vectorises (it does not vectorise reads of one array at two offsets); only the
   * pairs within a row are then scalar.
   */
  public static void forward(Window g, float[] src, float[] out) {
    int width = g.width();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    float[] upper = new float[width];
    float[] lower = new float[width];
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++, o += outWidth) {
        int top = (c * g.height() + 2 * oy) * width;
        System.arraycopy(src, top, upper, 0, width);
        System.arraycopy(src, top + width, lower, 0, width);
        for (int x = 0; x < width; x++) {
          upper[x] = Math.max(upper[x], lower[x]);
        }
        for (int ox = 0; ox < outWidth; ox++) {
          out[o + ox] = Math.max(upper[2 * ox], upper[2 * ox + 1]);
        }
      }
    }
  }

  /** Overwrites {@code gradIn} from {@code gradOut}, given the forward pass's input and output. */
  public static void backward(Window g, float[] src, float[] out, float[] gradOut, float[] gradIn) {
    int width = g.width();
    int outHeight = g.outHeight();
    int outWidth = g.outWidth();
    if (2 * outHeight != g.height() || 2 * outWidth != width) {
      Arrays.fill(gradIn, 0f); // an odd last row or column gets no gradient
    }
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++) {
        int top = (c * g.height() + 2 * oy) * width;
        int bottom = top + width;
        for (int ox = 0; ox < outWidth; ox++, o++) {
          int a = top + 2 * ox;
          int b = bottom + 2 * ox;
          float max = out[o];
          int bits = Float.floatToRawIntBits(gradOut[o]);
          int m0 = src[a] == max ? -1 : 0;
          int m1 = (src[a + 1] == max ? -1 : 0) & ~m0;
          int taken = m0 | m1;
          int m2 = (src[b] == max ? -1 : 0) & ~taken;
          taken |= m2;
          int m3 = (src[b + 1] == max ? -1 : 0) & ~taken;
          taken |= m3;
          m0 |= ~taken; // no cell equals a NaN maximum: the window's first cell, as the definition
          gradIn[a] = Float.intBitsToFloat(bits & m0);
          gradIn[a + 1] = Float.intBitsToFloat(bits & m1);
          gradIn[b] = Float.intBitsToFloat(bits & m2);
          gradIn[b + 1] = Float.intBitsToFloat(bits & m3);
        }
      }
    }
  }
}
