package org.cnnexplainer.demo.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cnnexplainer.demo.lab.LabWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
  @Spec CommandSpec spec;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description = "A TF.js layers model to open: its model.json, or the folder holding it.")
  Path model;

  @Option(
      names = "--lab",
      paramLabel = "DATA",
      arity = "0..1",
      fallbackValue = "",
      description =
          "Also open the Learning Lab, on DATA if given: fashion-mnist or a folder with one"
              + " sub-folder of images per class.")
  String lab;

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
    checkLab();
    if (!ExplainerApp.hasDisplay()) {
      System.err.println(ExplainerApp.NO_DISPLAY);
      return 2;
    }
    boolean imageIsModel = model == null && image != null && isJson(image);
    ExplainerApp.runUntilClosed(imageIsModel ? image : model, imageIsModel ? null : image, lab);
    return 0;
  }

  private static boolean isJson(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * A {@code --lab} value names Fashion-MNIST or a folder that exists: checked before any window
   * opens, so a mistyped folder is one line on the terminal, not a window to close.
   */
  private void checkLab() {
    if (lab == null || lab.isEmpty() || lab.equalsIgnoreCase(LabWindow.FASHION_MNIST)) {
      return;
    }
    boolean folder;
    try {
      folder = Files.isDirectory(Path.of(lab));
    } catch (InvalidPathException e) {
      folder = false;
    }
    if (!folder) {
      throw new ParameterException(
          spec.commandLine(),
          "--lab '"
              + lab
              + "' is not a folder; give fashion-mnist or a folder with one sub-folder of images"
              + " per class");
    }
  }
}
