package org.cnnexplainer.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** The command line's exit codes, and the one-line message for a failure. */
final class ExitCodes {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;
  static final int BAD_INPUT = 3;

  private ExitCodes() {}

  /**
   * Bad files (models, images, data, outputs that cannot be written) exit with 3; anything else is
   * a failure of ours (1).
   */
  static int forException(Throwable t) {
    return t instanceof IOException || t instanceof UncheckedIOException ? BAD_INPUT : FAILURE;
  }

  /** A one-line description; the library's messages already name the file and the problem. */
  static String describe(Throwable t) {
    if (t instanceof UncheckedIOException unchecked && unchecked.getCause() != null) {
      return oneLine(unchecked.getMessage() + ": " + describe(unchecked.getCause()));
    }
    if (t instanceof NoSuchFileException missing) {
      return oneLine(missing.getFile() + ": no such file");
    }
    String message = t.getMessage();
    return message == null || message.isBlank() ? t.getClass().getSimpleName() : oneLine(message);
  }

  /**
   * A usage error as one line: {@code cnn-explainer COMMAND: what is wrong (see ... --help)}, with
   * picocli's suggestions for a mistyped option or command on the same line; no usage text, which
   * would bury the one line that matters.
   */
  static String describeUsageError(ParameterException e) {
    CommandLine command = e.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder(name).append(": ").append(oneLine(e.getMessage()));
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append("; did you mean ")
            .append(
                oneLine(
                    String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))))
            .append('?');
      }
    }
    return line.append(" (see ").append(name).append(" --help)").toString();
  }

  /**
   * Control characters escaped, so that a message quoting a name from a hostile file (a layer
   * called {@code "a\nb"}) stays on the one line scripts expect.
   */
  static String oneLine(String message) {
    return TerminalText.escape(message);
  }
}
