package org.cnnexplainer.core.internal;

/**
 * How much heap is left, for readers that refuse a file whose declared sizes would not fit (a clear
 * message instead of an {@link OutOfMemoryError} halfway through).
 */
public final class Memory {
  private Memory() {}

  /**
   * Bytes this JVM can still allocate: the maximum heap minus what is in use now. Garbage not yet
   * collected counts as used, so this errs on the side of refusing.
   */
  public static long available() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  /** {@code bytes} in MiB, rounded up, for messages. */
  public static long mebibytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
