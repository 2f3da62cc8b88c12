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

  /** A shape with the given dimensions; each must be positive and their product fit an array. */
  public static Shape of(int... dims) {
    return new Shape(dims.clone());
  }

  /** A rank-3 image shape in this library's order {@code (channels, height, width)}. */
  public static Shape image(int channels, int height, int width) {
    return new Shape(new int[] {channels, height, width});
  }

  /** A rank-1 shape of {@code length} elements. */
  public static Shape vector(int length) {
    return new Shape(new int[] {length});
  }

  /** Number of dimensions. */
  public int rank() {
    return dims.length;
  }

  /** Dimension {@code axis}, counted from 0. */
  public int dim(int axis) {
    return dims[axis];
  }

  /** Number of elements, the product of all dimensions. */
  public int size() {
    return size;
  }

  /** A copy of the dimensions. */
  public int[] toArray() {
    return dims.clone();
  }

  /** True for rank-3 {@code (channels, height, width)} shapes. */
  public boolean isImage() {
    return dims.length == 3;
  }

  /** Channels of an image shape. */
  public int channels() {
    requireImage();
    return dims[0];
  }

  /** Height of an image shape. */
  public int height() {
    requireImage();
    return dims[1];
  }

  /** Width of an image shape. */
  public int width() {
    requireImage();
    return dims[2];
  }

  /** The same dimensions in TF.js order: {@code [h, w, c]} for images, unchanged otherwise. */
  public int[] toTfjsOrder() {
    return isImage() ? new int[] {dims[1], dims[2], dims[0]} : dims.clone();
  }

  /** Reads a TF.js shape (batch dimension removed): {@code [h, w, c]} becomes {@code (c, h, w)}. */
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
