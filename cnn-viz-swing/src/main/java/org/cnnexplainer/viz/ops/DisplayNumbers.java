package org.cnnexplainer.viz.ops;

import java.util.Locale;

/**
 * Formats numbers for display only: rounded half-up to a fixed number of decimals, with a true
 * minus sign (U+2212, as wide as a plus) so negative values stay legible in small cells. Values
 * that round to zero lose their sign.
 */
final class DisplayNumbers {
  static final char MINUS = '\u2212';

  private DisplayNumbers() {}

  /** {@code value} with {@code decimals} decimals, e.g. {@code "−0.25"}. */
  static String format(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : MINUS + "∞";
    }
    String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    if (text.startsWith("-")) {
      boolean zero = text.chars().skip(1).allMatch(ch -> ch == '0' || ch == '.');
      text = zero ? text.substring(1) : MINUS + text.substring(1);
    }
    return text;
  }

  /** Two decimals, as the original's formula views. */
  static String two(double value) {
    return format(value, 2);
  }

  /** Four decimals, as the original's probabilities. */
  static String four(double value) {
    return format(value, 4);
  }

  /** A compact form of a possibly huge value: 2 decimals below 10^5, else scientific. */
  static String compact(double value) {
    if (Math.abs(value) < 1e5 || !Double.isFinite(value)) {
      return format(value, 2);
    }
    String text = String.format(Locale.ROOT, "%.3e", value);
    return text.replace('-', MINUS);
  }
}
