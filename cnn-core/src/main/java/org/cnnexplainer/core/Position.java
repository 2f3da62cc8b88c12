package org.cnnexplainer.core;

/**
 * A place on one plane of an image-shaped tensor {@code (channels, height, width)}: the row counted
 * from the top and the column counted from the left, both from 0. The one coordinate type of the
 * library's public API: {@link org.cnnexplainer.core.explain.Cell} adds a channel to it, the
 * explanation steps report the output position they explain with it, and the Swing components
 * select and hover cells of a feature map with it.
 *
 * <p>A position says nothing about the plane's size; the methods taking one check it against the
 * tensor or layer they address. Negative coordinates are rejected here (a window edge that starts
 * in padding is an {@code int}, not a position).
 *
 * @param row the row, from 0 at the top
 * @param column the column, from 0 at the left
 */
public record Position(int row, int column) {
  /**
   * Checks that both coordinates are non-negative.
   *
   * @param row the row, from 0 at the top
   * @param column the column, from 0 at the left
   * @throws IllegalArgumentException if a coordinate is negative
   */
  public Position {
    if (row < 0 || column < 0) {
      throw new IllegalArgumentException(
          "a position needs a row and column >= 0, got (row " + row + ", column " + column + ")");
    }
  }
}
