package org.cnnexplainer.demo;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code cnn-explainer.jar}: the command line (and, later, the application). */
@Command(
    name = "cnn-explainer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Explains how a convolutional neural network turns an image into a prediction.",
    subcommands = {CommandLine.HelpCommand.class, TrainCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit code (0 ok, 2 usage error, 3 bad model or image).
   */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setExitCodeExceptionMapper(ExitCodes::forException)
        .execute(args);
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
