package org.cnnexplainer.viz;

/** A cell {@code (y, x)} of a feature map, row {@code y} from the top, column {@code x}. */
public record Position(int y, int x) {
  /**
   * Validates the coordinates.
   *
   * @param y the row, from the top
   * @param x the column, from the left
   */
  public Position {
    if (y < 0 || x < 0) {
      throw new IllegalArgumentException(
          "position must be non-negative, got (" + y + ", " + x + ")");
    }
  }
}
