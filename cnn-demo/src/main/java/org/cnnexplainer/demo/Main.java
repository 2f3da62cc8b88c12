package org.cnnexplainer.demo;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cnnexplainer.demo.app.AppCommand;
import org.cnnexplainer.demo.app.ExplainerApp;
import org.cnnexplainer.demo.cli.BenchCommand;
import org.cnnexplainer.demo.cli.EvaluateCommand;
import org.cnnexplainer.demo.cli.GradientsCommand;
import org.cnnexplainer.demo.cli.InfoCommand;
import org.cnnexplainer.demo.cli.PredictCommand;
import org.cnnexplainer.demo.cli.RenderCommand;
import org.cnnexplainer.demo.cli.TraceCommand;
import org.cnnexplainer.demo.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code cnn-explainer.jar}: without a command it opens the application (as {@code
 * app} does); otherwise it runs the named command.
 */
@Command(
    name = "cnn-explainer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Explains how a convolutional neural network turns an image into a prediction.",
    subcommands = {
      AppCommand.class,
      PredictCommand.class,
      TraceCommand.class,
      GradientsCommand.class,
      InfoCommand.class,
      BenchCommand.class,
      TrainCommand.class,
      EvaluateCommand.class,
      RenderCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    if (isApplication(args)) {
      ExplainerApp.prepare(); // the window system and the first frame's drawing warm up meanwhile
    }
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit code (0 ok, 2 usage error, 3 bad model or image).
   */
  public static int run(String... args) {
    if (args.length == 0) { // the application as it is launched most: no options to read
      try {
        return new AppCommand().call();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
    // Starting the application needs only its own command: building every command's options
    // takes a good part of the start-up time the window waits for.
    boolean application = isApplication(args);
    CommandLine commandLine =
        application
            ? new CommandLine(new AppCommand()).setCommandName("cnn-explainer app")
            : new CommandLine(new Main());
    commandLine
        // Arguments are paths and values, always: "@x.png" is an image, not a file of options.
        .setExpandAtFiles(false)
        .setParameterExceptionHandler(
            (exception, arguments) -> {
              CommandLine command = exception.getCommandLine();
              command.getErr().println(ExitCodes.describeUsageError(exception));
              return ExitCodes.USAGE;
            })
        .setExecutionExceptionHandler(
            (exception, command, parseResult) -> {
              command.getErr().println("cnn-explainer: " + ExitCodes.describe(exception));
              return ExitCodes.forException(exception);
            });
    commandLine.registerConverter(Path.class, new PathConverter());
    return commandLine.execute(
        application ? java.util.Arrays.copyOfRange(args, 1, args.length) : args);
  }

  /** Whether {@code args} open the application: none, or {@code app} / {@code gui} first. */
  private static boolean isApplication(String[] args) {
    return args.length == 0 || args[0].equals("app") || args[0].equals("gui");
  }

  /** No command: the application, or (without a display) a pointer to the commands, exit 2. */
  @Override
  public Integer call() throws Exception {
    return new AppCommand().call();
  }
}
