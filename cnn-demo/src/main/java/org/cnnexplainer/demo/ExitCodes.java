package org.cnnexplainer.demo;

/** The command line's exit codes. */
final class ExitCodes {
  static final int OK = 0;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;
  static final int FAILURE = 1;

  private ExitCodes() {}

  static int forException(Throwable t) {
    return t instanceof java.io.IOException ? BAD_INPUT : FAILURE;
  }
}
