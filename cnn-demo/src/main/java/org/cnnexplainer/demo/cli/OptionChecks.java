package org.cnnexplainer.demo.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.cnnexplainer.demo.io.OutputFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values shared by the commands. A bad value is a usage error: one line naming the
 * option and the value, exit code 2, before any file is read or written.
 */
final class OptionChecks {
  private OptionChecks() {}

  /** Fails with {@code message} unless {@code ok}. */
  static void require(CommandSpec spec, boolean ok, String message) {
    if (!ok) {
      throw new ParameterException(spec.commandLine(), message);
    }
  }

  /** An integer option within {@code [min, max]}. */
  static int range(CommandSpec spec, String option, int value, int min, int max) {
    require(
        spec,
        value >= min && value <= max,
        String.format(
            Locale.ROOT, "%s must be between %,d and %,d; got %,d", option, min, max, value));
    return value;
  }

  /** A number option within {@code [min, max]} (NaN and infinities are refused). */
  static double range(CommandSpec spec, String option, double value, double min, double max) {
    require(
        spec,
        value >= min && value <= max,
        String.format(
            Locale.ROOT, "%s must be between %s and %s; got %s", option, min, max, value));
    return value;
  }

  /** A positive, finite number option. */
  static double positive(CommandSpec spec, String option, double value) {
    require(
        spec,
        value > 0 && value < Double.POSITIVE_INFINITY,
        option + " must be a positive number; got " + value);
    return value;
  }

  /** {@code --threads}: all cores by default, else between 1 and {@link Limits#maxThreads()}. */
  static int threads(CommandSpec spec, Integer threads) {
    if (threads == null) {
      return Runtime.getRuntime().availableProcessors();
    }
    return range(spec, "--threads", threads, 1, Limits.maxThreads());
  }

  /** An output file option, checked up front (see {@link OutputFile}). */
  static OutputFile output(CommandSpec spec, String option, Path path) {
    try {
      return OutputFile.of(path);
    } catch (OutputFile.UnusableOutputException e) {
      throw new ParameterException(spec.commandLine(), option + " " + e.getMessage());
    }
  }

  /** Refuses an output that is one of the model's files or the input image. */
  static void notAnInput(CommandSpec spec, OutputFile out, ModelOption model, Path image) {
    for (Path file : model.files()) {
      notSameFile(spec, out, file, "a file of the model");
    }
    notSameFile(spec, out, image, "the input image");
  }

  /** Refuses an output that is one of the command's inputs. */
  static void notSameFile(CommandSpec spec, OutputFile out, Path input, String what) {
    try {
      out.requireNotSameFileAs(input, what);
    } catch (OutputFile.UnusableOutputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
