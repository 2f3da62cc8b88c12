package org.cnnexplainer.demo.io;

import java.util.Locale;

/** Training times as the command line and the Learning Lab print them. */
public final class Durations {
  private Durations() {}

  /** {@code seconds} as {@code m:ss} or {@code h:mm:ss}. */
  public static String format(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
