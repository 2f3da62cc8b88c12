package org.cnnexplainer.demo.cli;

import java.util.List;
import org.cnnexplainer.demo.io.TerminalText;
import picocli.CommandLine.Model.CommandSpec;

/** A {@code --class} value: a class index or one of the model's labels. */
final class ClassChoice {
  private ClassChoice() {}

  /** {@code value} as a class index; a usage error (exit 2) says what is allowed. */
  static int parse(CommandSpec spec, String value, List<String> labels) {
    try {
      int index = Integer.parseInt(value.trim());
      OptionChecks.range(spec, "--class", index, 0, labels.size() - 1);
      return index;
    } catch (NumberFormatException e) {
      int index = labels.indexOf(value);
      OptionChecks.require(
          spec,
          index >= 0,
          "--class: '"
              + TerminalText.escape(value)
              + "' is neither a class index (0 to "
              + (labels.size() - 1)
              + ") nor one of the model's class labels");
      return index;
    }
  }
}
