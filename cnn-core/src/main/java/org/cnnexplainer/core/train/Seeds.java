package org.cnnexplainer.core.train;

/** Derives independent seeds from a run's seed, so that randomness never depends on threads. */
final class Seeds {
  private Seeds() {}

  /** A SplitMix64 mix of {@code a} and {@code b}; never negative. */
  static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (z ^ (z >>> 31)) & Long.MAX_VALUE;
  }
}
