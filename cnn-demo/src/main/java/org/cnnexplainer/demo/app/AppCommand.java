package org.cnnexplainer.demo.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code app} (also {@code gui}, or no command at all): opens the explainer window. */
@Command(
    name = "app",
    aliases = "gui",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the explainer application (the default when no command is given).",
      "Without --model it opens the last model used, else the bundled one."
    })
public final class AppCommand implements Callable<Integer> {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description = "A TF.js layers model to open: its model.json, or the folder holding it.")
  Path model;

  @Parameters(
      arity = "0..1",
      paramLabel = "IMAGE",
      description = {
        "An image to explain first (PNG, JPEG, GIF, BMP or TIFF);",
        "or, without --model, a model.json to open (what the desktop's file association passes)."
      })
  Path image;

  @Override
  public Integer call() throws InterruptedException {
    if (!ExplainerApp.hasDisplay()) {
      System.err.println(ExplainerApp.NO_DISPLAY);
      return 2;
    }
    boolean imageIsModel = model == null && image != null && isJson(image);
    ExplainerApp.runUntilClosed(imageIsModel ? image : model, imageIsModel ? null : image);
    return 0;
  }

  private static boolean isJson(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }
}
