package org.cnnexplainer.viz.ops;

/**
 * The frame of the elastic view's sliding-window animation at a fraction in [0, 1], a pure
 * function: the window visits every real output position in row-major order, and the results of the
 * positions it has passed are revealed.
 *
 * @param revealed how many output positions (row-major) are revealed, 0 to {@code rows * columns}
 * @param row the output row of the window, or -1 when the animation has finished
 * @param column the output column of the window, or -1 when finished
 */
record SlidingWindow(int revealed, int row, int column) {
  /** The frame at {@code fraction} (clamped) over a {@code rows x columns} output. */
  public static SlidingWindow at(double fraction, int rows, int columns) {
    int positions = rows * columns;
    double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
    int revealed = (int) Math.floor(f * positions);
    if (revealed >= positions) {
      return new SlidingWindow(positions, -1, -1);
    }
    return new SlidingWindow(revealed, revealed / columns, revealed % columns);
  }

  /** Whether the animation is over (everything revealed, no window). */
  public boolean finished() {
    return row < 0;
  }
}
