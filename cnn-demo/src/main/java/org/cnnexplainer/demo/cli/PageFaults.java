package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The minor page faults this process has taken so far, from Linux's {@code /proc/self/stat}: the
 * sign of the slow mode {@code bench} watches for. A trace that allocates into heap memory the
 * collector has just grown into takes one fault per 4 KiB page (unless the heap uses huge pages),
 * and those faults, not the arithmetic, then set its time.
 */
final class PageFaults {
  private static final Path STAT = Path.of("/proc/self/stat");

  /** Field 10 of {@code /proc/[pid]/stat}, counted from 1. */
  private static final int MINOR_FAULTS_FIELD = 10;

  private PageFaults() {}

  /** The count, or -1 where the system does not report it (not Linux, or no /proc). */
  static long minor() {
    try {
      return minorFaults(Files.readString(STAT, StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /**
   * Reads the count from one {@code stat} line. The command name (field 2) is in parentheses and
   * may hold spaces, so fields are counted after its closing parenthesis.
   */
  static long minorFaults(String stat) {
    String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    return Long.parseLong(after[MINOR_FAULTS_FIELD - 3]);
  }

  /** Faults between two readings, or -1 when either is unknown. */
  static long between(long before, long after) {
    return before < 0 || after < 0 ? -1 : after - before;
  }
}
