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
   * {@return a tensor holding a copy of {@code values}, which must have exactly {@code
   * shape.size()} items}
   *
   * @param shape the tensor's shape
   * @param values {@code shape.size()} values in flat row-major order (copied)
   */
  public static Tensor of(Shape shape, float... values) {
    requireLength(shape, values.length);
    return new Tensor(shape, values.clone());
  }

  /**
   * {@return a tensor of zeros}
   *
   * @param shape the tensor's shape
   */
  public static Tensor zeros(Shape shape) {
    return new Tensor(shape, new float[shape.size()]);
  }

  /**
   * Reads an image given in TF.js's HWC order (index {@code (y * w + x) * c + ch}) into this
   * library's {@code (c, h, w)} order.
   *
   * @param height the image height in pixels
   * @param width the image width in pixels
   * @param channels the number of channels (1 gray, 3 RGB)
   * @param hwc {@code height * width * channels} values in TF.js's HWC order (copied)
   * @return a {@code (channels, height, width)} tensor with the same values
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

  /** {@return this tensor's shape} */
  public Shape shape() {
    return shape;
  }

  /** {@return the number of elements} */
  public int size() {
    return data.length;
  }

  /**
   * {@return the element at flat index {@code i}}
   *
   * @param i the flat index, from 0 to {@link #size()} - 1
   */
  public float at(int i) {
    return data[i];
  }

  /**
   * {@return the element {@code (c, y, x)} of an image tensor}
   *
   * @param channel the channel, from 0
   * @param y the row, from 0 at the top
   * @param x the column, from 0 at the left
   */
  public float get(int channel, int y, int x) {
    int h = shape.height();
    int w = shape.width();
    if (channel < 0 || channel >= shape.channels() || y < 0 || y >= h || x < 0 || x >= w) {
      throw new IndexOutOfBoundsException(
          "(" + channel + ", " + y + ", " + x + ") is outside " + shape);
    }
    return data[(channel * h + y) * w + x];
  }

  /** {@return a copy of all elements in flat order} */
  public float[] toArray() {
    return data.clone();
  }

  /**
   * {@return a copy of channel {@code c} of an image tensor, {@code h * w} values in row-major
   * order}
   *
   * @param c the channel, from 0
   */
  public float[] channel(int c) {
    int plane = shape.height() * shape.width();
    if (c < 0 || c >= shape.channels()) {
      throw new IndexOutOfBoundsException("channel " + c + " is outside " + shape);
    }
    return Arrays.copyOfRange(data, c * plane, (c + 1) * plane);
  }

  /** {@return all elements in TF.js order: HWC for images, unchanged otherwise} */
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

  /** {@return the index of the largest element (the first one on ties)} */
  public int argmax() {
    int best = 0;
    for (int i = 1; i < data.length; i++) {
      if (data[i] > data[best]) {
        best = i;
      }
    }
    return best;
  }

  /** {@return the smallest element} */
  public float min() {
    float m = Float.POSITIVE_INFINITY;
    for (float v : data) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** {@return the largest element} */
  public float max() {
    float m = Float.NEGATIVE_INFINITY;
    for (float v : data) {
      m = Math.max(m, v);
    }
    return m;
  }

  /**
   * {@return the same values under another shape with the same size}
   *
   * @param newShape the new shape; its size must equal this tensor's size
   */
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
