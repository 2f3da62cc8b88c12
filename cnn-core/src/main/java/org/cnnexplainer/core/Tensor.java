package org.cnnexplainer.core;

import java.util.Arrays;
import org.cnnexplainer.core.internal.ModuleAccess;

/**
 * An immutable block of {@code float}s with a {@link Shape}, stored flat in row-major order over
 * the shape: for an image {@code (c, h, w)} the element {@code (c, y, x)} is at {@code (c * h + y)
 * * w + x}.
 */
public final class Tensor {
  static {
    ModuleAccess.register(
        new ModuleAccess.Tensors() {
          @Override
          public float[] data(Tensor tensor) {
            return tensor.data;
          }

          @Override
          public Tensor wrap(Shape shape, float[] data) {
            return Tensor.wrap(shape, data);
          }
        });
  }

  final Shape shape;
  final float[] data;

  private Tensor(Shape shape, float[] data) {
    this.shape = shape;
    this.data = data;
  }

  /**
   * A tensor holding a copy of {@code values}, which must have exactly {@code shape.size()} items.
   */
  public static Tensor of(Shape shape, float... values) {
    requireLength(shape, values.length);
    return new Tensor(shape, values.clone());
  }

  /** A tensor of zeros. */
  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new float[shape.size()]);
  }

  /**
   * Reads an image given in TF.js's HWC order (index {@code (y * w + x) * c + ch}) into this
   * library's {@code (c, h, w)} order.
   */
  public static Tensor fromHwc(int height, int width, int channels, float[] hwc) {
    Shape shape = Shape.image(channels, height, width);
    requireLength(shape, hwc.length);
    float[] chw = new float[hwc.length];
    int plane = height * width;
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < channels; c++) {
        chw[c * plane + p] = hwc[p * channels + c];
      }
    }
    return new Tensor(shape, chw);
  }

  /** Wraps an array without copying; callers inside the library hand over ownership. */
  static Tensor wrap(Shape shape, float[] data) {
    requireLength(shape, data.length);
    return new Tensor(shape, data);
  }

  private static void requireLength(Shape shape, int length) {
    if (length != shape.size()) {
      throw new IllegalArgumentException(
          "shape " + shape + " needs " + shape.size() + " values, got " + length);
    }
  }

  /** This tensor's shape. */
  public Shape shape() {
    return shape;
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /** The element at flat index {@code i}. */
  public float at(int i) {
    return data[i];
  }

  /** The element {@code (c, y, x)} of an image tensor. */
  public float get(int channel, int y, int x) {
    int h = shape.height();
    int w = shape.width();
    if (channel < 0 || channel >= shape.channels() || y < 0 || y >= h || x < 0 || x >= w) {
      throw new IndexOutOfBoundsException(
          "(" + channel + ", " + y + ", " + x + ") is outside " + shape);
    }
    return data[(channel * h + y) * w + x];
  }

  /** A copy of all elements in flat order. */
  public float[] toArray() {
    return data.clone();
  }

  /** A copy of channel {@code c} of an image tensor, {@code h * w} values in row-major order. */
  public float[] channel(int c) {
    int plane = shape.height() * shape.width();
    if (c < 0 || c >= shape.channels()) {
      throw new IndexOutOfBoundsException("channel " + c + " is outside " + shape);
    }
    return Arrays.copyOfRange(data, c * plane, (c + 1) * plane);
  }

  /** All elements in TF.js order: HWC for images, unchanged otherwise. */
  public float[] toHwcArray() {
    if (!shape.isImage()) {
      return data.clone();
    }
    int channels = shape.channels();
    int plane = shape.height() * shape.width();
    float[] hwc = new float[data.length];
    for (int c = 0; c < channels; c++) {
      for (int p = 0; p < plane; p++) {
        hwc[p * channels + c] = data[c * plane + p];
      }
    }
    return hwc;
  }

  /** Index of the largest element (the first one on ties). */
  public int argmax() {
    int best = 0;
    for (int i = 1; i < data.length; i++) {
      if (data[i] > data[best]) {
        best = i;
      }
    }
    return best;
  }

  /** The smallest element. */
  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** The largest element. */
  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** The same values under another shape with the same size. */
  public Tensor reshape(Shape newShape) {
    requireLength(newShape, data.length);
    return new Tensor(newShape, data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor other
        && shape.equals(other.shape)
        && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return 31 * shape.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Tensor" + shape;
  }
}
