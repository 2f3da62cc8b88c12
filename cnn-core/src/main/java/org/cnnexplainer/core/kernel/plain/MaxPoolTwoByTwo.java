package org.cnnexplainer.core.kernel.plain;

import java.util.Arrays;
import org.cnnexplainer.core.kernel.Window;

/**
 * The 2x2, stride-2, valid max pooling of most CNNs (Tiny VGG's) as tight loops: {@code
 * out[c][oy][ox] = max of in[c][2oy .. 2oy + 1][2ox .. 2ox + 1]}.
 *
 * <p>The backward pass sends each output's gradient to the first cell of its window (row-major)
 * that holds the maximum, as TF does, without branches: a float select compiles to a jump on x86,
 * and which cell wins is a coin toss the branch predictor loses. The winner's offset is computed
 * from int masks of the comparisons, and the gradient stored there once.
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

  /**
   * Overwrites {@code gradIn} from {@code gradOut}, given the forward pass's input and output:
   * zeros everywhere (one fast fill), then each window's gradient stored once, at the first cell
   * that equals the maximum. Which cell that is comes from int masks of the four comparisons,
   * without branches.
   */
  public static void backward(Window g, float[] src, float[] out, float[] gradOut, float[] gradIn) {
    int width = g.width();
    int outWidth = g.outWidth();
    Arrays.fill(gradIn, 0, g.inputSize(), 0f);
    for (int c = 0, o = 0; c < g.channels(); c++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        int top = (c * g.height() + 2 * oy) * width;
        for (int ox = 0; ox < outWidth; ox++, o++) {
          int a = top + 2 * ox;
          float max = out[o];
          int e0 = src[a] == max ? -1 : 0;
          int e1 = src[a + 1] == max ? -1 : 0;
          int e2 = src[a + width] == max ? -1 : 0;
          int e3 = src[a + width + 1] == max ? -1 : 0;
          // Offset of the first equal cell; 0 (the first cell) also when none equals a NaN max.
          int offset = ~e0 & ((e1 & 1) | (~e1 & ((e2 & width) | (~e2 & e3 & (width + 1)))));
          gradIn[a + offset] = gradOut[o];
        }
      }
    }
  }
}
