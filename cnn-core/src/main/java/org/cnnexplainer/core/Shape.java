package org.cnnexplainer.core;

import java.util.Arrays;

/**
 * The immutable dimensions of a {@link Tensor}, without a batch dimension.
 *
 * <p>Image-like tensors are rank 3 in channel-first order {@code (channels, height, width)};
 * vectors are rank 1. See the package documentation for why, and for how this maps onto TF.js's HWC
 * order.
 */
public final class Shape {
  /** The largest number of elements a tensor may hold; guards every allocation against overflow. */
  public static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private final int[] dims;
  private final int size;

  private Shape(int[] dims) {
    if (dims.length == 0) {
      throw new IllegalArgumentException("a shape needs at least one dimension");
    }
    long product = 1;
    for (int d : dims) {
      if (d <= 0) {
        throw new IllegalArgumentException(
            "every dimension must be positive, got " + Arrays.toString(dims));
      }
      product *= d;
      if (product > MAX_ELEMENTS) {
        throw new IllegalArgumentException(
            "shape " + Arrays.toString(dims) + " has more than " + MAX_ELEMENTS + " elements");
      }
    }
    this.dims = dims;
    this.size = (int) product;
  }

  /**
   * {@return a shape with the given dimensions; each must be positive and their product fit an
   * array}
   *
   * @param dims the dimensions, outermost first, each at least 1
   */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  /**
   * {@return a rank-3 image shape in this library's order {@code (channels, height, width)}}
   *
   * @param channels the number of channels, at least 1
   * @param height the height in cells, at least 1
   * @param width the width in cells, at least 1
   */
  public static Shape image(int channels, int height, int width) {
    return new Shape(new int[] {channels, height, width});
  }

  /**
   * {@return a rank-1 shape of {@code length} elements}
   *
   * @param length the number of elements, at least 1
   */
  public static Shape vector(int length) {
    return new Shape(new int[] {length});
  }

  /** {@return the number of dimensions} */
  public int rank() {
    return dims.length;
  }

  /**
   * {@return the dimension {@code axis}, counted from 0}
   *
   * @param axis the axis, from 0 to {@link #rank()} - 1
   */
  public int dim(int axis) {
    return dims[axis];
  }

  /** {@return the number of elements, the product of all dimensions} */
  public int size() {
    return size;
  }

  /** {@return a copy of the dimensions} */
  public int[] toArray() {
    return dims.clone();
  }

  /** {@return true for rank-3 {@code (channels, height, width)} shapes} */
  public boolean isImage() {
    return dims.length == 3;
  }

  /** {@return the channels of an image shape} */
  public int channels() {
    requireImage();
    return dims[0];
  }

  /** {@return the height of an image shape} */
  public int height() {
    requireImage();
    return dims[1];
  }

  /** {@return the width of an image shape} */
  public int width() {
    requireImage();
    return dims[2];
  }

  /**
   * {@return the same dimensions in TF.js order: {@code [h, w, c]} for images, unchanged otherwise}
   */
  public int[] toTfjsOrder() {
    return isImage() ? new int[] {dims[1], dims[2], dims[0]} : dims.clone();
  }

  /**
   * Reads a TF.js shape (batch dimension removed): {@code [h, w, c]} becomes {@code (c, h, w)}.
   *
   * @param tfjsDims the dimensions in TF.js order without the batch dimension
   * @return the shape in this library's order
   */
  public static Shape fromTfjsOrder(int... tfjsDims) {
    return tfjsDims.length == 3 ? image(tfjsDims[2], tfjsDims[0], tfjsDims[1]) : of(tfjsDims);
  }

  private void requireImage() {
    if (dims.length != 3) {
      throw new IllegalStateException(
          "shape " + this + " is not a (channels, height, width) image");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape other && Arrays.equals(dims, other.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Dimensions in this library's order, e.g. {@code [10, 62, 62]}. */
  @Override
  public String toString() {
    return Arrays.toString(dims);
  }
}
