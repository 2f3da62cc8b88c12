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
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
  }
}
