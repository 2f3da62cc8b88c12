package org.cnnexplainer.demo.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.cnnexplainer.core.Network;
import org.cnnexplainer.core.tfjs.TfjsModel;
import picocli.CommandLine.Option;

/** The {@code --model} option shared by the commands: a {@code model.json} or its folder. */
public final class ModelOption {
  @Option(
      names = {"-m", "--model"},
      required = true,
      paramLabel = "MODEL",
      description = "A TF.js layers model: its model.json, or the folder holding it.")
  Path model;

  /** Loads the model named on the command line. */
  public Network load() throws IOException {
    return TfjsModel.load(model);
  }

  /** The path as given. */
  public Path path() {
    return model;
  }
}
