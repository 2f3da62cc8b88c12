package org.cnnexplainer.viz.ops;

import java.util.Optional;

/**
 * The four hyperparameters of a square convolution, as the playground shows them, and what they
 * imply. Output size {@code m = floor((n + 2p - k) / s) + 1}.
 *
 * @param input input size {@code n} (1 to 32)
 * @param padding zero padding {@code p} on every side (0 or more)
 * @param kernel kernel size {@code k} (1 or more)
 * @param stride stride {@code s} (1 or more)
 */
public record ConvGeometry(int input, int padding, int kernel, int stride) {
  /** The largest input size the playground draws. */
  public static final int MAX_INPUT = 32;

  /** The original's defaults: input 5, padding 0, kernel 2, stride 1. */
  public static final ConvGeometry DEFAULT = new ConvGeometry(5, 0, 2, 1);

  /** Checks each value's own range (combinations are judged by {@link #problem()}). */
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

  /** {@code n + 2p}. */
  public int paddedSize() {
    return input + 2 * padding;
  }

  /** Why the combination cannot be convolved, in words; empty when it can. */
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

  /** Whether the combination can be convolved. */
  public boolean isValid() {
    return problem().isEmpty();
  }

  /** {@code floor((n + 2p - k) / s) + 1}. */
  public int outputSize() {
    if (!isValid()) {
      throw new IllegalStateException(problem().get());
    }
    return (paddedSize() - kernel) / stride + 1;
  }

  /**
   * Rows (and columns) of the padded input that no window reaches, because the stride skips them.
   */
  public int uncovered() {
    return isValid() ? (paddedSize() - kernel) % stride : 0;
  }

  /** A note when the stride leaves cells uncovered; empty otherwise. */
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

  /** The formula with these numbers, e.g. {@code ⌊(5 + 2·0 − 2) / 1⌋ + 1 = 4}. */
  public String formula() {
    String text = "⌊(" + input + " + 2·" + padding + " − " + kernel + ") / " + stride + "⌋ + 1";
    return isValid() ? text + " = " + outputSize() : text + " — invalid";
  }
}
