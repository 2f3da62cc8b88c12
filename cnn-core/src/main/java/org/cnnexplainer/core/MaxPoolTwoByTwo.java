package org.cnnexplainer.core;

import java.util.Arrays;

/**
 * The 2x2, stride-2, valid max pooling of most CNNs (Tiny VGG's) as tight loops: {@code
 * out[c][oy][ox] = max of in[c][2oy .. 2oy + 1][2ox .. 2ox + 1]}.
 *
 * <p>The backward pass sends each output's gradient to the first cell of its window (row-major)
 * that holds the maximum, as TF does, without branches: a float select compiles to a jump on x86,
 * and which cell wins is a coin toss the branch predictor loses. Each cell's share is the
 * gradient's bits masked by an int comparison result.
 */
final class MaxPoolTwoByTwo {
  private MaxPoolTwoByTwo() {}

  /**
   * The two input rows are first copied into scratch rows so that their element-wise maximum is a
   * loop the JIT vectorises (it does not vectorise reads of one array at two offsets); only the
   * pairs within a row are then scalar.
   */
  static void forward(float[] src, Shape in, float[] out, Shape outputShape) {
    int width = in.width();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    float[] upper = new float[width];
    float[] lower = new float[width];
    for (int c = 0, o = 0; c < in.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++, o += outWidth) {
        int top = (c * in.height() + 2 * oy) * width;
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
   * Overwrites {@code gradIn} (shape {@code in}) from {@code gradOut}, given the forward values.
   */
  static void backward(
      float[] src, Shape in, float[] out, Shape outputShape, float[] gradOut, float[] gradIn) {
    int width = in.width();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    if (2 * outHeight != in.height() || 2 * outWidth != width) {
      Arrays.fill(gradIn, 0f); // an odd last row or column gets no gradient
    }
    for (int c = 0, o = 0; c < in.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++) {
        int top = (c * in.height() + 2 * oy) * width;
        int bottom = top + width;
        for (int ox = 0; ox < outWidth; ox++, o++) {
          int a = top + 2 * ox;
          int b = bottom + 2 * ox;
          float max = out[o];
          int g = Float.floatToRawIntBits(gradOut[o]);
          int m0 = src[a] == max ? -1 : 0;
          int m1 = (src[a + 1] == max ? -1 : 0) & ~m0;
          int taken = m0 | m1;
          int m2 = (src[b] == max ? -1 : 0) & ~taken;
          taken |= m2;
          int m3 = (src[b + 1] == max ? -1 : 0) & ~taken;
          taken |= m3;
          m0 |= ~taken; // no cell equals a NaN maximum: the window's first cell, as the slow path
          gradIn[a] = Float.intBitsToFloat(g & m0);
          gradIn[a + 1] = Float.intBitsToFloat(g & m1);
          gradIn[b] = Float.intBitsToFloat(g & m2);
          gradIn[b + 1] = Float.intBitsToFloat(g & m3);
        }
      }
    }
  }
}
