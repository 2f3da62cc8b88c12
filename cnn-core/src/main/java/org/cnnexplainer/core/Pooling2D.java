package org.cnnexplainer.core;

import java.util.Objects;

/**
 * Max or average pooling over windows of each channel (TF.js classes {@code MaxPooling2D} and
 * {@code AveragePooling2D}). With {@link Padding#SAME}, padded cells are ignored: max pooling never
 * picks them and average pooling divides by the number of real cells in the window. Shapes: input
 * {@code (C, H, W)}, output {@code (C, Ho, Wo)}.
 */
public final class Pooling2D extends Layer {
  /** What a window reduces to. */
  public enum Type {
    MAX("MaxPooling2D"),
    AVERAGE("AveragePooling2D");

    private final String kind;

    Type(String kind) {
      this.kind = kind;
    }

    /** The TF.js class name. */
    public String kind() {
      return kind;
    }
  }

  private final Type type;
  private final int poolHeight;
  private final int poolWidth;
  private final int strideY;
  private final int strideX;
  private final Padding padding;

  /** A pooling layer with a {@code poolHeight x poolWidth} window. */
  public Pooling2D(
      String name,
      Type type,
      int poolHeight,
      int poolWidth,
      int strideY,
      int strideX,
      Padding padding) {
    super(name);
    if (poolHeight < 1 || poolWidth < 1 || strideY < 1 || strideX < 1) {
      throw new IllegalArgumentException(
          "pooling '"
              + name
              + "': pool size and strides must be positive, got pool "
              + poolHeight
              + "x"
              + poolWidth
              + " strides "
              + strideY
              + "x"
              + strideX);
    }
    this.type = Objects.requireNonNull(type, "type");
    this.poolHeight = poolHeight;
    this.poolWidth = poolWidth;
    this.strideY = strideY;
    this.strideX = strideX;
    this.padding = Objects.requireNonNull(padding, "padding");
  }

  public Type type() {
    return type;
  }

  public int poolHeight() {
    return poolHeight;
  }

  public int poolWidth() {
    return poolWidth;
  }

  public int strideY() {
    return strideY;
  }

  public int strideX() {
    return strideX;
  }

  public Padding padding() {
    return padding;
  }

  @Override
  public String kind() {
    return type.kind();
  }

  @Override
  public Shape outputShape(Shape input) {
    requireImage(input);
    return Shape.image(
        input.channels(),
        padding.outputSize(input.height(), poolHeight, strideY),
        padding.outputSize(input.width(), poolWidth, strideX));
  }

  @Override
  public long multiplyAdds(Shape input) {
    return (long) outputShape(input).size() * poolHeight * poolWidth;
  }

  /** First input row of output row {@code oy}, possibly negative (padding). */
  public int windowTop(Shape input, int oy) {
    return oy * strideY - padding.padBefore(input.height(), poolHeight, strideY);
  }

  /** First input column of output column {@code ox}, possibly negative (padding). */
  public int windowLeft(Shape input, int ox) {
    return ox * strideX - padding.padBefore(input.width(), poolWidth, strideX);
  }

  @Override
  float[] compute(Tensor input, Shape outputShape) {
    float[] out = new float[outputShape.size()];
    forwardInto(null, input.data, input.shape, out, outputShape, -1, false);
    return out;
  }

  private boolean twoByTwoMax() {
    return type == Type.MAX
        && padding == Padding.VALID
        && poolHeight == 2
        && poolWidth == 2
        && strideY == 2
        && strideX == 2;
  }

  @Override
  void forwardInto(
      float[][] params,
      float[] src,
      Shape in,
      float[] out,
      Shape outputShape,
      long seed,
      boolean logits) {
    if (twoByTwoMax()) {
      MaxPoolTwoByTwo.forward(src, in, out, outputShape);
      return;
    }
    int height = in.height();
    int width = in.width();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    int padLeft = padding.padBefore(width, poolWidth, strideX);
    boolean max = type == Type.MAX;
    // Whole output rows are updated once per window cell, which keeps the loops branch-free.
    for (int c = 0; c < in.channels(); c++) {
      for (int oy = 0; oy < outHeight; oy++) {
        int dst = (c * outHeight + oy) * outWidth;
        java.util.Arrays.fill(out, dst, dst + outWidth, max ? Float.NEGATIVE_INFINITY : 0f);
        int y0 = Math.max(windowTop(in, oy), 0);
        int y1 = Math.min(windowTop(in, oy) + poolHeight, height);
        for (int y = y0; y < y1; y++) {
          int row = (c * height + y) * width;
          for (int kx = 0; kx < poolWidth; kx++) {
            int shift = kx - padLeft;
            int first = shift >= 0 ? 0 : (-shift + strideX - 1) / strideX;
            int last = Math.min(outWidth - 1, Math.floorDiv(width - 1 - shift, strideX));
            for (int ox = first, x = row + first * strideX + shift;
                ox <= last;
                ox++, x += strideX) {
              out[dst + ox] = max ? Math.max(out[dst + ox], src[x]) : out[dst + ox] + src[x];
            }
          }
        }
        if (!max) {
          for (int ox = 0; ox < outWidth; ox++) {
            int x0 = Math.max(windowLeft(in, ox), 0);
            int x1 = Math.min(windowLeft(in, ox) + poolWidth, width);
            out[dst + ox] /= (y1 - y0) * (x1 - x0);
          }
        }
      }
    }
  }

  /**
   * Max: each output's gradient goes to the first input cell of its window that holds the maximum
   * (ties: the first in row-major order, as TF). Average: spread evenly over the window's real
   * cells.
   */
  @Override
  void backward(
      float[][] params,
      float[] src,
      Shape in,
      float[] out,
      Shape outputShape,
      float[] gradOut,
      float[] gradIn,
      float[][] gradBuffers,
      long seed,
      boolean logits) {
    if (gradIn == null) {
      return;
    }
    if (twoByTwoMax()) {
      MaxPoolTwoByTwo.backward(src, in, out, outputShape, gradOut, gradIn);
      return;
    }
    java.util.Arrays.fill(gradIn, 0f);
    int height = in.height();
    int width = in.width();
    int outHeight = outputShape.height();
    int outWidth = outputShape.width();
    for (int c = 0; c < in.channels(); c++) {
      int plane = c * height * width;
      for (int oy = 0; oy < outHeight; oy++) {
        int y0 = Math.max(windowTop(in, oy), 0);
        int y1 = Math.min(windowTop(in, oy) + poolHeight, height);
        for (int ox = 0; ox < outWidth; ox++) {
          int x0 = Math.max(windowLeft(in, ox), 0);
          int x1 = Math.min(windowLeft(in, ox) + poolWidth, width);
          int o = (c * outHeight + oy) * outWidth + ox;
          float g = gradOut[o];
          if (type == Type.MAX) {
            gradIn[argmax(src, plane, width, y0, y1, x0, x1, out[o])] += g;
          } else {
            float share = g / ((y1 - y0) * (x1 - x0));
            for (int y = y0; y < y1; y++) {
              for (int x = x0; x < x1; x++) {
                gradIn[plane + y * width + x] += share;
              }
            }
          }
        }
      }
    }
  }

  private static int argmax(
      float[] src, int plane, int width, int y0, int y1, int x0, int x1, float max) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (src[plane + y * width + x] == max) {
          return plane + y * width + x;
        }
      }
    }
    return plane + y0 * width + x0;
  }
}
