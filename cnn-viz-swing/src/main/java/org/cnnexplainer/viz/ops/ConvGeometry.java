package org.cnnexplainer.viz.ops;

import java.util.Optional;

/**
 * The four hyperparameters of a square convolution, as the playground shows them, and what they
 * imply. Output size {@code m = floor((n + 2p - k) / s) + 1}.
 *
 * @param input input size {@code n} in cells per side (1 to {@value #MAX_INPUT})
 * @param padding zero padding {@code p} in cells on every side (0 to {@value #MAX_INPUT})
 * @param kernel kernel size {@code k} in cells per side (1 to {@code 2 * MAX_INPUT + 1})
 * @param stride stride {@code s} in cells (1 to {@code 2 * MAX_INPUT + 1})
 */
public record ConvGeometry(int input, int padding, int kernel, int stride) {
  /** The largest input size the playground draws. */
  public static final int MAX_INPUT = 32;

  /** The original's defaults: input 5, padding 0, kernel 2, stride 1. */
  public static final ConvGeometry DEFAULT = new ConvGeometry(5, 0, 2, 1);

  /**
   * Checks each value's own range (combinations are judged by {@link #problem()}).
   *
   * @param input input size {@code n} in cells per side (1 to {@value #MAX_INPUT})
   * @param padding zero padding {@code p} in cells on every side (0 to {@value #MAX_INPUT})
   * @param kernel kernel size {@code k} in cells per side (1 to {@code 2 * MAX_INPUT + 1})
   * @param stride stride {@code s} in cells (1 to {@code 2 * MAX_INPUT + 1})
   * @throws IllegalArgumentException if a value is outside its range (the message names it)
   */
  public ConvGeometry {
    check("input", input, 1, MAX_INPUT);
    check("padding", padding, 0, MAX_INPUT);
    check("kernel", kernel, 1, 2 * MAX_INPUT + 1);
    check("stride", stride, 1, 2 * MAX_INPUT + 1);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
  }

  /** {@return the padded input size {@code n + 2p}, in cells per side} */
  public int paddedSize() {
    return input + 2 * padding;
  }

  /** {@return why the combination cannot be convolved, in words; empty when it can} */
  public Optional<String> problem() {
    if (kernel > paddedSize()) {
      return Optional.of(
          "The "
              + kernel
              + "×"
              + kernel
              + " kernel is larger than the padded input ("
              + paddedSize()
              + "×"
              + paddedSize()
              + "), so it fits nowhere: make the kernel smaller or add padding.");
    }
    if (padding >= kernel) {
      return Optional.of(
          "Padding "
              + padding
              + " is not smaller than the kernel size "
              + kernel
              + ", so some windows would cover only padding zeros: use padding of at most "
              + (kernel - 1)
              + ".");
    }
    return Optional.empty();
  }

  /** {@return whether the combination can be convolved (no {@link #problem()})} */
  public boolean isValid() {
    return problem().isEmpty();
  }

  /**
   * {@return the output size {@code m = floor((n + 2p - k) / s) + 1}, in cells per side}
   *
   * @throws IllegalStateException if the combination is not {@linkplain #isValid() valid} (the
   *     message is the {@link #problem()})
   */
  public int outputSize() {
    if (!isValid()) {
      throw new IllegalStateException(problem().get());
    }
    return (paddedSize() - kernel) / stride + 1;
  }

  /**
   * {@return how many rows (and columns) at the end of the padded input no window reaches because
   * the stride skips them; 0 when every cell is covered or the combination is invalid}
   */
  public int uncovered() {
    return isValid() ? (paddedSize() - kernel) % stride : 0;
  }

  /** {@return a note, in words, when the stride leaves cells uncovered; empty otherwise} */
  public Optional<String> note() {
    int left = uncovered();
    if (left == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "Stride "
            + stride
            + " does not divide n + 2p − k = "
            + (paddedSize() - kernel)
            + ": the last "
            + left
            + (left == 1 ? " row and column are" : " rows and columns are")
            + " never covered, and the output size is rounded down.");
  }

  /**
   * {@return the output-size formula with these numbers, e.g. {@code ⌊(5 + 2·0 − 2) / 1⌋ + 1 = 4}}
   */
  public String formula() {
    String text = "⌊(" + input + " + 2·" + padding + " − " + kernel + ") / " + stride + "⌋ + 1";
    return isValid() ? text + " = " + outputSize() : text + " — invalid";
  }
}
