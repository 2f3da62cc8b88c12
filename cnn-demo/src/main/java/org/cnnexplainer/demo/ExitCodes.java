package org.cnnexplainer.demo;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** The command line's exit codes, and the one-line message for a failure. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;

  private ExitCodes() {}

  /** Bad files (models, images, data) exit with 3; anything else is a failure of ours (1). */
  static int forException(Throwable t) {
    return t instanceof IOException ? BAD_INPUT : FAILURE;
  }

  /** A one-line description; the library's messages already name the file and the problem. */
  static String describe(Throwable t) {
    if (t instanceof NoSuchFileException missing) {
      return missing.getFile() + ": no such file";
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : oneLine(message);
  }

  /**
   * Control characters escaped, so that a message quoting a name from a hostile file (a layer
   * called {@code "a\nb"}) stays on the one line scripts expect.
   */
  static String oneLine(String message) {
    StringBuilder out = new StringBuilder(message.length());
    message
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  if (Character.isISOControl(c)) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
