package org.cnnexplainer.core;

/**
 * How a window layer treats the border, with TensorFlow's rules.
 *
 * <p>{@code VALID}: no padding, {@code out = floor((in - k) / s) + 1}. {@code SAME}: {@code out =
 * ceil(in / s)}; total padding {@code max((out - 1) * s + k - in, 0)}, of which {@code floor(total
 * / 2)} goes before (top or left) and the rest after.
 */
public enum Padding {
  /** No padding: windows lie entirely inside the input, which shrinks the output. */
  VALID,
  /** Zero padding so that the output has {@code ceil(in / stride)} cells, as TensorFlow pads. */
  SAME;

  /**
   * {@return the output length along one axis for input length {@code in}, window {@code k} and
   * stride {@code s}}
   *
   * @param in the input length along the axis, in cells
   * @param k the window length along the axis
   * @param s the stride along the axis, at least 1
   */
  public int outputSize(int in, int k, int s) {
    if (this == SAME) {
      return (in + s - 1) / s;
    }
    if (k > in) {
      throw new IllegalArgumentException(
          "window " + k + " is larger than the input " + in + " with valid padding");
    }
    return (in - k) / s + 1;
  }

  /**
   * Cells of padding before the first input cell (top or left).
   *
   * @param in the input length along the axis, in cells
   * @param k the window length along the axis
   * @param s the stride along the axis, at least 1
   * @return the number of padding cells before the first input cell (top or left): 0 for {@code
   *     VALID}
   */
  public int padBefore(int in, int k, int s) {
    if (this == VALID) {
      return 0;
    }
    int out = outputSize(in, k, s);
    return Math.max((out - 1) * s + k - in, 0) / 2;
  }

  /** {@return the name TF.js uses in model files} */
  public String tfjsName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Parses a TF.js padding name ({@code valid} or {@code same}).
   *
   * @param name {@code valid} or {@code same} (case-insensitive)
   * @return the padding
   */
  public static Padding fromTfjsName(String name) {
    return switch (name) {
      case "valid" -> VALID;
      case "same" -> SAME;
      default ->
          throw new IllegalArgumentException(
              "padding must be 'valid' or 'same', got '" + name + "'");
    };
  }
}
