package org.cnnexplainer.core.explain;

import java.util.Objects;
import org.cnnexplainer.core.Position;

/**
 * One element of an image-shaped tensor {@code (channels, height, width)}: a channel and a {@link
 * Position} on that channel's plane, all counted from 0. The explanation factories take a cell to
 * address one output value (the channel is the filter of a convolution), and {@link FlattenMapping}
 * maps cells to vector indices and back.
 *
 * @param channel the channel (feature map), from 0
 * @param position the row and column on that channel's plane
 */
public record Cell(int channel, Position position) {
  /**
   * Checks the channel and the position.
   *
   * @param channel the channel, from 0
   * @param position the row and column
   * @throws IllegalArgumentException if the channel is negative
   * @throws NullPointerException if the position is null
   */
  public Cell {
    if (channel < 0) {
      throw new IllegalArgumentException("a cell needs a channel >= 0, got " + channel);
    }
    Objects.requireNonNull(position, "position");
  }

  /**
   * The cell at {@code (channel, row, column)}.
   *
   * @param channel the channel, from 0
   * @param row the row, from 0 at the top
   * @param column the column, from 0 at the left
   * @throws IllegalArgumentException if a coordinate is negative
   */
  public Cell(int channel, int row, int column) {
    this(channel, new Position(row, column));
  }

  /**
   * The row, from 0 at the top.
   *
   * @return {@code position().row()}
   */
  public int row() {
    return position.row();
  }

  /**
   * The column, from 0 at the left.
   *
   * @return {@code position().column()}
   */
  public int column() {
    return position.column();
  }
}
